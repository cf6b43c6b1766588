using System.CommandLine;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate rollout export argo</c>: the rollout spec as manifests for another engine.</summary>
internal sealed class RolloutExportCommand : Command
{
    public RolloutExportCommand()
        : base("export", "Write a rollout spec as manifests for another rollout engine") =>
        Subcommands.Add(new RolloutExportArgoCommand());
}
