namespace RagGate.Evaluation.Scoring;

/// <summary>One aggregate metric: its value, a 95% interval and the sample it came from.</summary>
public sealed class MetricSummary
{
    /// <summary>Canonical name, for example <c>recall@10</c> or <c>latency_p95_ms</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The value (a mean over queries, a rate, or a percentile).</summary>
    public double Value { get; set; }

    /// <summary>Lower bound of the 95% interval, when one applies.</summary>
    public double? Lower { get; set; }

    /// <summary>Upper bound of the 95% interval, when one applies.</summary>
    public double? Upper { get; set; }

    /// <summary>How the interval was made: <c>bootstrap</c>, <c>wilson</c> or <c>none</c>.</summary>
    public IntervalMethod Interval { get; set; }

    /// <summary>Number of queries or samples behind the value.</summary>
    public int N { get; set; }

    /// <summary>True when a larger value is better.</summary>
    public bool HigherIsBetter { get; set; } = true;

    /// <summary>Unit for display: empty for ratios, <c>ms</c>, <c>tokens</c>, <c>USD</c>, <c>qps</c>.</summary>
    public string Unit { get; set; } = "";
}
