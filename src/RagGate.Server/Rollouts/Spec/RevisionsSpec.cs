namespace RagGate.Server.Rollouts.Spec;

/// <summary>The revisions a rollout moves traffic between.</summary>
public sealed record RevisionsSpec
{
    /// <summary>The revision serving now.</summary>
    public required RevisionSource Stable { get; init; }

    /// <summary>The new revision; null when it is given on the command line (<c>--canary</c>).</summary>
    public RevisionSource? Canary { get; init; }

    /// <summary>
    /// When true, a fresh copy of stable (the baseline) starts with the canary and the judge compares the
    /// canary with it rather than with the long-running stable, so warm caches and uptime do not bias the
    /// verdict (Kayenta's advice). Needs a stable started from a config.
    /// </summary>
    public bool Baseline { get; init; }
}
