namespace RagGate.Evaluation.Metrics;

/// <summary>What a metric is: its canonical name, family, range and direction.</summary>
/// <param name="Name">Canonical name, e.g. <c>recall@10</c>.</param>
/// <param name="Kind">Family.</param>
/// <param name="IsRatio">True for values in [0, 1].</param>
/// <param name="HigherIsBetter">Direction of improvement.</param>
/// <param name="HasPerQueryValues">True when the metric is a mean of per-query values (so it can be paired and bootstrapped).</param>
/// <param name="IsBinary">True when each per-query value is 0 or 1 (a pass rate: Wilson interval).</param>
/// <param name="Unit">Display unit: empty for ratios, <c>ms</c>, <c>tokens</c>, <c>USD</c>, <c>qps</c>.</param>
/// <param name="Cutoff">Rank cutoff of a retrieval metric, or null when uncut.</param>
public sealed record MetricInfo(
    string Name,
    MetricKind Kind,
    bool IsRatio,
    bool HigherIsBetter,
    bool HasPerQueryValues,
    bool IsBinary,
    string Unit,
    int? Cutoff = null);
