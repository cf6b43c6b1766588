using System.CommandLine;
using RagGate.Cli.Commands;
using RagGate.Cli.Hosting;

namespace RagGate.Cli;

/// <summary>Wires the commands; each lives in its own file under Commands/ (see <see cref="RaggateCommand{TSettings}"/> to add one).</summary>
internal static class RaggateApp
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        ConsoleWidth.Apply();
        var parse = CreateRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync(UsageError.Describe(parse));
            return ExitCodes.BadInput;
        }

        // The parser cancels on SIGTERM and ends the process 2 s later; the server must have its own
        // shutdown timeout to finish in-flight requests, so it handles the signal itself.
        // So must a rollout, which stops its revisions' processes on the way out.
        var invocation = parse.CommandResult.Command is ServeCommand or RolloutStartCommand ? new InvocationConfiguration { ProcessTerminationTimeout = null } : null;
        return await parse.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>Every command, with its options; parsing with it alone checks a command line without running it.</summary>
    internal static RootCommand CreateRoot() =>
        new("raggate: ML-aware CI for RAG apps. Index, ask, evaluate, gate and report.")
        {
            new IndexCommand(),
            new AskCommand(),
            new EvalCommand(),
            new CompareCommand(),
            new TrecEvalCommand(),
            new ServeCommand(),
            new HistoryCommand(),
            new RolloutCommand(),
            new InitCommand(),
        };
}
