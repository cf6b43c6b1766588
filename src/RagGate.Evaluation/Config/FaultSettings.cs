namespace RagGate.Evaluation.Config;

/// <summary>
/// Faults <c>raggate serve</c> injects into its own RAG endpoints, for rollout drills and tests: a share of
/// requests answered 500, latency added to every request, a crash after a number of requests. The server
/// refuses a config with this section unless started with <c>--allow-faults</c>.
/// </summary>
public sealed record FaultSettings
{
    /// <summary>Where the section starts (<c>file:line</c>), for the refusal message.</summary>
    public required string Source { get; init; }

    /// <summary>Share of requests answered 500 (0 to 1), drawn per request from a seeded generator.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Milliseconds added to every request before it is handled.</summary>
    public double LatencyMs { get; init; }

    /// <summary>The process kills itself (no graceful shutdown) on the request after this many; null: never.</summary>
    public int? CrashAfterRequests { get; init; }

    /// <summary>Seed of the generator that picks the failing requests, so a drill repeats.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Reads the <c>faults:</c> section.</summary>
    internal static FaultSettings Read(YamlSection s, string source)
    {
        // Absent: -1, which no present value can be (the range starts at 0).
        var crash = s.Int("crash_after_requests", -1, 0, int.MaxValue);
        var settings = new FaultSettings
        {
            Source = source,
            ErrorRate = s.Number("error_rate", 0, 0, 1),
            LatencyMs = s.Number("latency_ms", 0, 0, 600_000),
            CrashAfterRequests = crash < 0 ? null : crash,
            Seed = s.Int("seed", 1),
        };
        s.RejectUnknownFields();
        return settings;
    }
}
