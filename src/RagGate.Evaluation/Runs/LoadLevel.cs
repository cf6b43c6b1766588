namespace RagGate.Evaluation.Runs;

/// <summary>
/// Requests measured at one concurrency level: how many clients sent queries at once, the wall-clock
/// time of the measured rounds and every latency sample, so throughput is requests over wall time.
/// </summary>
public sealed class LoadLevel
{
    /// <summary>Concurrent clients.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Measured requests (queries times rounds), failed ones included.</summary>
    public int Requests { get; set; }

    /// <summary>Requests the target failed.</summary>
    public int Errors { get; set; }

    /// <summary>Wall-clock time of the measured rounds, warm-up excluded, in milliseconds.</summary>
    public double WallTimeMs { get; set; }

    /// <summary>Latency of each successful request (end to end when answering, else retrieval), in milliseconds.</summary>
    public List<double> LatencyMs { get; set; } = [];
}
