using RagGate.Evaluation;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate rollout undo</c>.</summary>
internal sealed record RolloutUndoCommandSettings : RolloutStateSettings
{
    /// <summary>The revision to return to, or null for the one before the current stable.</summary>
    public int? ToRevision { get; init; }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (ToRevision is < 1) throw new InputException($"--to-revision: {ToRevision} is out of range; expected a revision number, 1 or more");
    }
}
