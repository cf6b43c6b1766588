using System.CommandLine;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate rollout</c>: canary rollouts, run embedded (and acted on from another terminal) or exported to Argo Rollouts.</summary>
internal sealed class RolloutCommand : Command
{
    public RolloutCommand()
        : base("rollout", "Canary rollouts: run one embedded (start, status, promote, abort, undo, history), or export it to Argo Rollouts")
    {
        Subcommands.Add(new RolloutStartCommand());
        Subcommands.Add(new RolloutStatusCommand());
        Subcommands.Add(new RolloutPromoteCommand());
        Subcommands.Add(new RolloutAbortCommand());
        Subcommands.Add(new RolloutUndoCommand());
        Subcommands.Add(new RolloutHistoryCommand());
        Subcommands.Add(new RolloutExportCommand());
    }
}
