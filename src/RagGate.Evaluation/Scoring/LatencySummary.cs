namespace RagGate.Evaluation.Scoring;

/// <summary>Latency percentiles (nearest rank) and throughput of a run.</summary>
public sealed class LatencySummary
{
    /// <summary>Retrieval latency percentiles in milliseconds.</summary>
    public Percentiles Retrieval { get; set; } = new();

    /// <summary>End-to-end latency percentiles in milliseconds.</summary>
    public Percentiles EndToEnd { get; set; } = new();

    /// <summary>Queries answered per second, end to end, one at a time.</summary>
    public double ThroughputQps { get; set; }

    /// <summary>End-to-end latency histogram for the report chart.</summary>
    public List<HistogramBucket> Histogram { get; set; } = [];
}
