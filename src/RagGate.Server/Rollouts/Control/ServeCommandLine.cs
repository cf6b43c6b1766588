namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// How to start <c>raggate serve</c> as a child process: the program and the arguments before the
/// server's own (<c>dotnet exec /path/raggate.dll serve</c>, or the <c>raggate</c> apphost and <c>serve</c>).
/// </summary>
/// <param name="FileName">The program to run.</param>
/// <param name="Arguments">Arguments that select the serve command.</param>
public sealed record ServeCommandLine(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>The <c>raggate</c> entry assembly in <paramref name="folder"/>, run with <c>dotnet exec</c>.</summary>
    public static ServeCommandLine FromFolder(string folder) =>
        new("dotnet", ["exec", Path.Combine(folder, "raggate.dll"), "serve"]);
}
