using System.CommandLine;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate rollout</c>: canary rollouts, run embedded or exported to Argo Rollouts.</summary>
internal sealed class RolloutCommand : Command
{
    public RolloutCommand()
        : base("rollout", "Canary rollouts: run one embedded, or export it to Argo Rollouts") =>
        Subcommands.Add(new RolloutExportCommand());
}
