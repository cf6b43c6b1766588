using RagGate.Cli.Hosting;
using RagGate.Evaluation;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate rollout export argo</c>.</summary>
internal sealed record RolloutExportArgoCommandSettings : CommandSettings
{
    /// <summary>The rollout spec file.</summary>
    public required string Spec { get; init; }

    /// <summary>The output folder.</summary>
    public required string Out { get; init; }

    /// <inheritdoc />
    public override void Validate()
    {
        InputFile.CheckPath(Spec, "--spec: a rollout spec file");
        InputFile.CheckPath(Out, "--out: an output folder");
    }
}
