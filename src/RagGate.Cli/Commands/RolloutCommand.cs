using System.CommandLine;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate rollout</c>: canary rollouts, run embedded (<c>start</c>) and acted on from another terminal.</summary>
internal sealed class RolloutCommand : Command
{
    public RolloutCommand()
        : base("rollout", "Canary rollouts: start one, and status, promote, abort, undo or history from another terminal")
    {
        Subcommands.Add(new RolloutStartCommand());
        Subcommands.Add(new RolloutStatusCommand());
        Subcommands.Add(new RolloutPromoteCommand());
        Subcommands.Add(new RolloutAbortCommand());
        Subcommands.Add(new RolloutUndoCommand());
        Subcommands.Add(new RolloutHistoryCommand());
    }
}
