using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>
/// One measurement of one metric: its phase, the headline value, every field of <c>result</c> the conditions
/// read, the test used with its p-value, and the reason in words. Kept in the rollout's history.
/// </summary>
public sealed record Measurement
{
    /// <summary>The metric's name in its template.</summary>
    public required string Metric { get; init; }

    /// <summary>What was measured.</summary>
    public required MeasureKind Measure { get; init; }

    /// <summary>Successful, Failed, Inconclusive or Error.</summary>
    public required AnalysisPhase Phase { get; init; }

    /// <summary>The headline value (errors: the canary's error rate; latency: its p95 in ms; quality: the recall@k drop); null on error.</summary>
    public double? Value { get; init; }

    /// <summary>The fields of <c>result</c> (names in <see cref="ResultFields"/>); empty on error.</summary>
    public IReadOnlyDictionary<string, double> Result { get; init; } = new Dictionary<string, double>();

    /// <summary>The statistical test that decided, e.g. "Fisher exact, one-sided"; empty when none ran.</summary>
    public string Test { get; init; } = "";

    /// <summary>The test's p-value, or null when none ran.</summary>
    public double? PValue { get; init; }

    /// <summary>Why the phase is what it is, in one sentence.</summary>
    public required string Reason { get; init; }

    /// <summary>When the measurement started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the verdict was reached.</summary>
    public DateTimeOffset FinishedAt { get; init; }
}
