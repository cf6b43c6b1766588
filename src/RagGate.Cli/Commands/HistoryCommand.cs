using System.CommandLine;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate history list|show|prune</c>: the runs recorded by <c>raggate eval --store</c>; each subcommand is its own command.</summary>
internal sealed class HistoryCommand : Command
{
    public HistoryCommand()
        : base("history", "Runs recorded by raggate eval --store: list them, show one, prune old ones")
    {
        Subcommands.Add(new HistoryListCommand());
        Subcommands.Add(new HistoryShowCommand());
        Subcommands.Add(new HistoryPruneCommand());
    }
}
