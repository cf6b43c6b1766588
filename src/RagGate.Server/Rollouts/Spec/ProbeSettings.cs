namespace RagGate.Server.Rollouts.Spec;

/// <summary>
/// Golden probes: golden-set queries sent to both revisions (forced with <c>X-Canary: always|never</c>),
/// scored with recall@k and the answer checks, and compared as paired data.
/// </summary>
public sealed record ProbeSettings
{
    /// <summary>The cutoff of recall@k.</summary>
    public int K { get; init; } = 5;

    /// <summary>Golden queries probed per measurement; 0 for all of them.</summary>
    public int Queries { get; init; }

    /// <summary>Paired probes (both revisions answered) needed for a verdict; fewer is Inconclusive.</summary>
    public int MinProbes { get; init; } = 20;

    /// <summary>The largest drop in mean recall@k tolerated; a larger, significant drop fails.</summary>
    public double MaxRecallDrop { get; init; } = 0.05;

    /// <summary>The largest drop in the answer checks' pass rate tolerated; a larger, significant drop fails.</summary>
    public double MaxAnswerDrop { get; init; } = 0.05;

    /// <summary>Permutations of the paired randomization test.</summary>
    public int Permutations { get; init; } = 10_000;

    /// <summary>The seed of the randomization test, so a verdict can be reproduced.</summary>
    public int Seed { get; init; } = 42;
}
