namespace RagGate.Evaluation.Scoring;

/// <summary>Nearest-rank percentiles of a latency sample, in milliseconds.</summary>
public sealed class Percentiles
{
    /// <summary>Number of samples.</summary>
    public int Samples { get; set; }

    /// <summary>Arithmetic mean.</summary>
    public double Mean { get; set; }

    /// <summary>Median.</summary>
    public double P50 { get; set; }

    /// <summary>95th percentile.</summary>
    public double P95 { get; set; }

    /// <summary>99th percentile.</summary>
    public double P99 { get; set; }

    /// <summary>Largest sample.</summary>
    public double Max { get; set; }
}
