using System.Data.Common;
using System.Net.Sockets;
using RagGate.Evaluation;

namespace RagGate.History.Storage;

/// <summary>Turns a database failure into the one-line input error every command prints with exit code 2.</summary>
internal static class StoreErrors
{
    public static async Task<T> GuardAsync<T>(string location, Func<Task<T>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (e is DbException or SocketException or TimeoutException or InvalidOperationException { InnerException: DbException or SocketException })
        {
            throw new InputException($"{location}: {Describe(e)}", e);
        }
    }

    private static string Describe(Exception e)
    {
        var root = e;
        while (root.InnerException is not null && root is not SocketException)
            root = root.InnerException;
        var message = (root is SocketException or TimeoutException ? "cannot connect: " : "") + root.Message;
        return message.ReplaceLineEndings(" ").TrimEnd('.') + "; expected a reachable RagGate history store";
    }
}
