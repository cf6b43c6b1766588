using RagGate.Evaluation.Cost;

namespace RagGate.Evaluation.Scoring;

/// <summary>Aggregate and per-query metrics of one run.</summary>
public sealed class Scorecard
{
    /// <summary>Mean metrics with their confidence intervals, in display order.</summary>
    public List<MetricSummary> Metrics { get; set; } = [];

    /// <summary>Per-query scores and checks, in golden-set order.</summary>
    public List<QueryScore> Queries { get; set; } = [];

    /// <summary>Latency percentiles and throughput.</summary>
    public LatencySummary Latency { get; set; } = new();

    /// <summary>Tokens and cost.</summary>
    public CostSummary Cost { get; set; } = new();

    /// <summary>Per-category means of the same metrics (category, metric name, value).</summary>
    public List<CategoryMetric> Categories { get; set; } = [];

    /// <summary>The smallest drop this golden set can detect in each gated metric (one-sided, 80% power).</summary>
    public List<DetectableDrop> DetectableDrops { get; set; } = [];

    /// <summary>Finds a metric by name, or null.</summary>
    public MetricSummary? Find(string name) => Metrics.Find(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
