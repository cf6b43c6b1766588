namespace RagGate.Evaluation.Metrics;

/// <summary>What a metric is: its canonical name, family, range and direction.</summary>
public sealed record MetricInfo
{
    /// <summary>Canonical name, e.g. <c>recall@10</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Family.</summary>
    public required MetricKind Kind { get; init; }

    /// <summary>True for values in [0, 1].</summary>
    public bool IsRatio { get; init; }

    /// <summary>Direction of improvement.</summary>
    public bool HigherIsBetter { get; init; }

    /// <summary>True when the metric is a mean of per-query values (so it can be paired and bootstrapped).</summary>
    public bool HasPerQueryValues { get; init; }

    /// <summary>True when each per-query value is 0 or 1 (a pass rate: Wilson interval).</summary>
    public bool IsBinary { get; init; }

    /// <summary>Display unit: empty for ratios, <c>ms</c>, <c>tokens</c>, <c>USD</c>, <c>qps</c>.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Rank cutoff of a retrieval metric, or null when uncut.</summary>
    public int? Cutoff { get; init; }
}
