namespace RagGate.Evaluation.Reporting;

/// <summary>One gated metric over the last runs of a branch, oldest first, from the run history.</summary>
public sealed class MetricTrend
{
    /// <summary>The metric name.</summary>
    public string Metric { get; set; } = "";

    /// <summary>The runs that measured it, oldest first; the last one is this run.</summary>
    public List<TrendPoint> Points { get; set; } = [];
}
