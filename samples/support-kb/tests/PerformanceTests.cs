using RagGate.Testing;

namespace SupportKb.QualityTests;

/// <summary>
/// Latency budgets, as the reference pipeline's <c>TestPerformance</c>: the p95 of the run's measured latencies
/// (warm-up excluded, three repetitions per query, as raggate.yaml's gates read them).
/// </summary>
[Collection(SupportKbCollection.Name)]
public sealed class PerformanceTests(SupportKbFixture kb)
{
    [Fact]
    public void RetrievalLatency_P95IsUnder500Ms() =>
        RagAssert.LatencyPercentile(kb.Run, LatencyKind.Retrieval, 95, atMost: TimeSpan.FromMilliseconds(500));

    [Fact]
    public void FullQueryLatency_P95IsUnder3Seconds() =>
        RagAssert.LatencyPercentile(kb.Run, LatencyKind.EndToEnd, 95, atMost: TimeSpan.FromSeconds(3));
}
