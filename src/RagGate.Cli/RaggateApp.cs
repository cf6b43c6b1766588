using System.CommandLine;
using RagGate.Cli.Commands;
using RagGate.Cli.Hosting;

namespace RagGate.Cli;

/// <summary>Wires the commands; each command lives in its own file under Commands/.</summary>
internal static class RaggateApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        ConsoleWidth.Apply();
        var root = new RootCommand("raggate: ML-aware CI for RAG apps. Index, ask, evaluate, gate and report.")
        {
            IndexCommand.Create(),
            AskCommand.Create(),
            EvalCommand.Create(),
            CompareCommand.Create(),
            TrecEvalCommand.Create(),
            ServeCommand.Create(),
            HistoryCommand.Create(),
            InitCommand.Create(),
        };
        var parse = root.Parse(args);
        // The parser cancels on SIGTERM and ends the process 2 s later; the server must have its own
        // shutdown timeout to finish in-flight requests, so it handles the signal itself.
        var invocation = parse.CommandResult.Command.Name == ServeCommand.Name ? new InvocationConfiguration { ProcessTerminationTimeout = null } : null;
        return await parse.InvokeAsync(invocation);
    }
}
