namespace RagGate.Evaluation.Scoring;

/// <summary>Throughput and nearest-rank latency percentiles measured at one concurrency level.</summary>
public sealed class LoadLevelSummary
{
    /// <summary>Concurrent clients.</summary>
    public int Concurrency { get; set; }

    /// <summary>Measured requests.</summary>
    public int Requests { get; set; }

    /// <summary>Requests the target failed.</summary>
    public int Errors { get; set; }

    /// <summary>Requests per second of wall-clock time.</summary>
    public double ThroughputQps { get; set; }

    /// <summary>Latency percentiles of the successful requests, in milliseconds.</summary>
    public Percentiles Latency { get; set; } = new();
}
