namespace RagGate.Evaluation.Scoring;

/// <summary>Latency percentiles (nearest rank) and throughput of a run.</summary>
public sealed class LatencySummary
{
    /// <summary>Retrieval latency percentiles in milliseconds.</summary>
    public Percentiles Retrieval { get; set; } = new();

    /// <summary>End-to-end latency percentiles in milliseconds.</summary>
    public Percentiles EndToEnd { get; set; } = new();

    /// <summary>Queries per second at the scored rounds' concurrency: measured requests over their wall-clock time.</summary>
    public double ThroughputQps { get; set; }

    /// <summary>Concurrent clients of the scored rounds.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Throughput and percentiles per concurrency level, when the run measured more than one.</summary>
    public List<LoadLevelSummary>? Levels { get; set; }

    /// <summary>End-to-end latency histogram for the report chart.</summary>
    public List<HistogramBucket> Histogram { get; set; } = [];
}
