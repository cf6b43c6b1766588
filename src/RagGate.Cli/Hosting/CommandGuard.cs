using RagGate.Evaluation;

namespace RagGate.Cli.Hosting;

/// <summary>
/// Runs a command body and turns bad input into one clear line on stderr and exit code 2,
/// never a stack trace.
/// </summary>
internal static class CommandGuard
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body(cancellationToken);
        }
        catch (InputException e)
        {
            await Console.Error.WriteLineAsync($"raggate: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"raggate: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("raggate: cancelled");
            return 130;
        }
    }
}
