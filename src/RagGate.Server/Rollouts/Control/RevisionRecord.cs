namespace RagGate.Server.Rollouts.Control;

/// <summary>One revision in a rollout's history: its number, where it comes from, and how it ended.</summary>
/// <param name="Number">1 for the first stable revision, then one more per rollout or undo.</param>
/// <param name="Source">The config path or URL it is served from.</param>
/// <param name="Status">stable, superseded, rolled-back or progressing.</param>
/// <param name="At">When it got that status.</param>
public sealed record RevisionRecord(int Number, string Source, string Status, DateTimeOffset At)
{
    /// <summary>The revision serving all traffic.</summary>
    public const string Stable = "stable";

    /// <summary>A former stable revision.</summary>
    public const string Superseded = "superseded";

    /// <summary>A canary that was rolled back.</summary>
    public const string RolledBack = "rolled-back";

    /// <summary>The canary of the rollout in progress.</summary>
    public const string Progressing = "progressing";
}
