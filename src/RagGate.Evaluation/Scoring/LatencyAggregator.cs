using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Scoring;

/// <summary>Nearest-rank latency percentiles, throughput and a histogram from a run's samples.</summary>
internal static class LatencyAggregator
{
    private const int HistogramBuckets = 12;

    public static LatencySummary Summarize(Run run)
    {
        var endToEnd = run.Queries.SelectMany(q => q.EndToEndLatencyMs).ToList();
        var retrieval = run.Queries.SelectMany(q => q.RetrievalLatencyMs).ToList();
        var main = endToEnd.Count > 0 ? endToEnd : retrieval;
        return new LatencySummary
        {
            Retrieval = Describe(retrieval),
            EndToEnd = Describe(endToEnd),
            // Runs written before wall time was recorded per level keep the old estimate (one at a time, no gaps).
            ThroughputQps = run.Load is [var scored, ..] ? Throughput(scored) : main.Count == 0 || main.Sum() <= 0 ? 0 : main.Count / (main.Sum() / 1000.0),
            Concurrency = run.Concurrency,
            Levels = run.Load is { Count: > 1 } levels ? levels.Select(Describe).ToList() : null,
            Histogram = Histogram(main),
        };
    }

    private static double Throughput(LoadLevel level) => level.WallTimeMs <= 0 ? 0 : level.Requests / (level.WallTimeMs / 1000.0);

    private static LoadLevelSummary Describe(LoadLevel level) => new()
    {
        Concurrency = level.Concurrency,
        Requests = level.Requests,
        Errors = level.Errors,
        ThroughputQps = Throughput(level),
        Latency = Describe(level.LatencyMs),
    };

    public static IEnumerable<MetricSummary> Metrics(LatencySummary latency)
    {
        var main = latency.EndToEnd.Samples > 0 ? latency.EndToEnd : latency.Retrieval;
        yield return Metric(MetricCatalog.LatencyP50, main.P50, main.Samples);
        yield return Metric(MetricCatalog.LatencyP95, main.P95, main.Samples);
        yield return Metric(MetricCatalog.LatencyP99, main.P99, main.Samples);
        yield return Metric(MetricCatalog.RetrievalP50, latency.Retrieval.P50, latency.Retrieval.Samples);
        yield return Metric(MetricCatalog.RetrievalP95, latency.Retrieval.P95, latency.Retrieval.Samples);
        yield return Metric(MetricCatalog.Throughput, latency.ThroughputQps, main.Samples);
    }

    private static MetricSummary Metric(string name, double value, int n)
    {
        var info = MetricCatalog.Get(name);
        return new MetricSummary { Name = name, Value = value, N = n, HigherIsBetter = info.HigherIsBetter, Unit = info.Unit };
    }

    private static Percentiles Describe(List<double> samples) => samples.Count == 0
        ? new Percentiles()
        : new Percentiles
        {
            Samples = samples.Count,
            Mean = samples.Average(),
            P50 = Percentile.NearestRank(samples, 50),
            P95 = Percentile.NearestRank(samples, 95),
            P99 = Percentile.NearestRank(samples, 99),
            Max = samples.Max(),
        };

    private static List<HistogramBucket> Histogram(List<double> samples)
    {
        if (samples.Count == 0) return [];
        double min = samples.Min(), max = samples.Max();
        var width = max > min ? (max - min) / HistogramBuckets : 1;
        var counts = new int[HistogramBuckets];
        foreach (var s in samples) counts[Math.Min(HistogramBuckets - 1, (int)((s - min) / width))]++;
        return counts.Select((c, i) => new HistogramBucket(min + (i * width), min + ((i + 1) * width), c)).ToList();
    }
}
