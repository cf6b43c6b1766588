using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Scoring;
using static RagGate.Testing.Internal.Failure;

namespace RagGate.Testing;

/// <summary>
/// xUnit assertions over a <see cref="RagTestRun"/>: every number comes from RagGate's own scorer (the values
/// <c>raggate eval</c> reports), and a failure names the value, the bound, the gap and the queries behind it.
/// Each assertion returns the measured value.
/// </summary>
public static class RagAssert
{
    /// <summary>Mean recall@<paramref name="k"/> over answerable queries is at least <paramref name="atLeast"/>.</summary>
    public static double RecallAtK(RagTestRun run, int k, double atLeast) =>
        MeanAtLeast(run, $"recall@{k}", atLeast, q => $"missing {string.Join(", ", q.Expected.Except(q.Retrieved.Take(k)))}");

    /// <summary>Mean nDCG@<paramref name="k"/> is at least <paramref name="atLeast"/>.</summary>
    public static double NdcgAtK(RagTestRun run, int k, double atLeast) =>
        MeanAtLeast(run, $"ndcg@{k}", atLeast, q => q.FirstRelevantRank is { } rank ? $"first relevant at rank {rank}" : "no relevant document retrieved");

    /// <summary>
    /// The mean share of each query's expected keywords found in its top retrieved documents
    /// (<c>eval.keyword_context_documents</c>, 5 by default) is at least <paramref name="atLeast"/>.
    /// </summary>
    public static double KeywordCoverage(RagTestRun run, double atLeast) =>
        MeanAtLeast(run, MetricCatalog.KeywordCoverage, atLeast, q => CheckReason(q, QueryCheckNames.Keywords));

    /// <summary>The share of answers holding at least one expected keyword is at least <paramref name="atLeast"/> (the reference's response relevance).</summary>
    public static double AnswerKeywordHit(RagTestRun run, double atLeast) =>
        MeanAtLeast(run, MetricCatalog.AnswerKeywordHit, atLeast, q => CheckReason(q, QueryCheckNames.AnswerKeywords));

    /// <summary>The share of unanswerable queries the system refused is at least <paramref name="atLeast"/>.</summary>
    public static double RefusalAccuracy(RagTestRun run, double atLeast) =>
        MeanAtLeast(run, MetricCatalog.RefusalAccuracy, atLeast, q => CheckReason(q, QueryCheckNames.Refusal));

    /// <summary>No answer holds a hallucination marker (<c>eval.hallucination_markers</c>) or a phrase its golden query forbids.</summary>
    public static void NoHallucinations(RagTestRun run)
    {
        var failed = run.Scorecard.Queries
            .Select(q => (Query: q, Checks: q.Checks.Where(c => !c.Passed && c.Name is QueryCheckNames.HallucinationMarkers or QueryCheckNames.MustNotContain).ToList()))
            .Where(x => x.Checks.Count > 0)
            .ToList();
        if (failed.Count > 0)
        {
            var answered = run.Scorecard.Queries.Count(q => q.Answer is not null);
            throw new RagAssertException($"{failed.Count} of {answered} answers hold a hallucination marker or a forbidden phrase:"
                + Queries(failed.Select(f => (f.Query, string.Join("; ", f.Checks.Select(c => c.Reason))))));
        }
    }

    /// <summary>The <paramref name="percentile"/>th percentile (50, 95 or 99) of the latency is at most <paramref name="atMost"/>.</summary>
    public static TimeSpan LatencyPercentile(RagTestRun run, LatencyKind kind, int percentile, TimeSpan atMost)
    {
        var latency = kind == LatencyKind.Retrieval ? run.Scorecard.Latency.Retrieval : run.Scorecard.Latency.EndToEnd;
        var what = kind == LatencyKind.Retrieval ? "retrieval" : "end-to-end";
        if (latency.Samples == 0)
            throw new RagAssertException($"no {what} latency was measured (was the run made with Answer = false?)");
        var value = percentile switch
        {
            50 => latency.P50,
            95 => latency.P95,
            99 => latency.P99,
            _ => throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "expected 50, 95 or 99, the percentiles raggate eval reports"),
        };
        if (value > atMost.TotalMilliseconds)
        {
            var slowest = run.Scorecard.Queries.OrderByDescending(q => q.LatencyMs).Select(q => (q, $"{Number(q.LatencyMs)} ms (median)"));
            throw new RagAssertException($"p{percentile} {what} latency is {Number(value)} ms over {latency.Samples} samples, "
                + $"{Number(value - atMost.TotalMilliseconds)} ms over the {Number(atMost.TotalMilliseconds)} ms budget. Slowest queries:" + Queries(slowest));
        }

        return TimeSpan.FromMilliseconds(value);
    }

    /// <summary>The mean tokens per answered query (prompt + completion) is at most <paramref name="atMost"/>.</summary>
    public static double TokensPerQuery(RagTestRun run, double atMost) =>
        MeanAtMost(run, MetricCatalog.TokensPerQuery, atMost, q => $"{q.TotalTokens} tokens");

    /// <summary>Every answer's context is at most <paramref name="atMost"/> tokens (the generation model's tokenizer); returns the largest.</summary>
    public static double ContextTokens(RagTestRun run, double atMost)
    {
        var values = PerQuery(run, MetricCatalog.ContextTokens);
        var over = values.Where(v => v.Value > atMost).OrderByDescending(v => v.Value).ToList();
        if (over.Count > 0)
        {
            throw new RagAssertException($"{over.Count} of {values.Count} contexts exceed {Number(atMost)} tokens; the largest is {Number(over[0].Value)}, "
                + $"{Number(over[0].Value - atMost)} over:" + Queries(over.Select(v => (v.Query, $"{Number(v.Value)} tokens"))));
        }

        return values.Count == 0 ? 0 : values.Max(v => v.Value);
    }

    private static double MeanAtLeast(RagTestRun run, string metric, double atLeast, Func<QueryScore, string?> why) =>
        Mean(run, metric, atLeast, higherIsBetter: true, why);

    private static double MeanAtMost(RagTestRun run, string metric, double atMost, Func<QueryScore, string?> why) =>
        Mean(run, metric, atMost, higherIsBetter: false, why);

    // Every mean assertion funnels here: the scorecard's aggregate (RagGate's aggregator), and the worst queries from its per-query values.
    private static double Mean(RagTestRun run, string metric, double bound, bool higherIsBetter, Func<QueryScore, string?> why)
    {
        var summary = run.Scorecard.Find(metric) ?? throw new InvalidOperationException(
            $"{metric} was not computed for this run; add it to RagTestOptions.Metrics (answer metrics need Answer = true, keyword metrics need expected_keywords)");
        var passed = higherIsBetter ? summary.Value >= bound : summary.Value <= bound;
        if (passed)
            return summary.Value;
        var values = PerQuery(run, metric);
        var worst = (higherIsBetter ? values.OrderBy(v => v.Value) : values.OrderByDescending(v => v.Value))
            .Where(v => higherIsBetter ? v.Value < bound : v.Value > bound)
            .Select(v => (v.Query, Number(v.Value) + (why(v.Query) is { Length: > 0 } reason ? $" ({reason})" : "")));
        var gap = Math.Abs(summary.Value - bound);
        throw new RagAssertException($"{metric} is {Number(summary.Value)} (mean of {summary.N} queries), {Number(gap)} "
            + $"{(higherIsBetter ? "below the required minimum" : "above the allowed maximum")} {Number(bound)}. Worst queries:" + Queries(worst));
    }

    private static List<(QueryScore Query, double Value)> PerQuery(RagTestRun run, string metric) =>
        [.. run.Scorecard.Queries.Where(q => q.Values.ContainsKey(metric)).Select(q => (q, q.Values[metric]))];

    private static string? CheckReason(QueryScore query, string check) => query.Checks.FirstOrDefault(c => c.Name == check && !c.Passed)?.Reason;
}
