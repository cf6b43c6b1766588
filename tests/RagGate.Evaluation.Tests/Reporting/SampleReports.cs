using RagGate.Evaluation.Cost;
using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Targets;
using static RagGate.Evaluation.Tests.Reporting.SampleStatistics;

namespace RagGate.Evaluation.Tests.Reporting;

/// <summary>
/// A realistic support-desk evaluation: six queries in three categories (one unanswerable), gates that pass and
/// fail, and a baseline whose retrieval was better. Every number is computed here from the raw data.
/// </summary>
internal static class SampleReports
{
    private const double PromptPrice = 0.15 / 1_000_000, CompletionPrice = 0.60 / 1_000_000;

    internal sealed record Sample(
        string Id, string Query, string Category, string[] Expected, string[] Retrieved, string[] BaselineRetrieved,
        string[] Keywords, string Answer, double[] EndToEndMs, double[] RetrievalMs, int Prompt, int Completion, int Context)
    {
        public bool Unanswerable => Expected.Length == 0;
    }

    public static IReadOnlyList<Sample> Samples { get; } =
    [
        new("billing-01", "How do I update the credit card on my account?", "billing", ["kb-billing-payment-methods"],
            ["kb-billing-payment-methods", "kb-billing-invoices", "kb-account-security"], ["kb-billing-payment-methods", "kb-billing-invoices"],
            ["card", "Billing settings"], "Open Billing settings, choose Payment methods and add the new card.",
            [412.3, 398.7, 405.1], [38.2, 35.9, 36.4], 812, 64, 640),
        new("billing-02", "What's the fee for a <b>wire</b> transfer | abroad & fast?", "billing", ["kb-billing-fees", "kb-billing-international"],
            ["kb-billing-fees", "kb-shipping-rates", "kb-billing-invoices", "kb-account-plans"], ["kb-billing-international", "kb-billing-fees", "kb-billing-invoices"],
            ["fee", "international", "SWIFT"], "A wire transfer costs a flat fee of $15.",
            [690.4, 702.8, 655.0], [44.1, 41.7, 43.3], 1103, 88, 905),
        new("account-01", "I forgot my password and the reset email never arrives", "account", ["kb-account-password-reset", "kb-account-email-delivery"],
            ["kb-account-password-reset", "kb-account-security", "kb-account-email-delivery"], ["kb-account-password-reset", "kb-account-email-delivery"],
            ["reset", "spam"], "Use the reset link on the sign-in page; check your spam folder if the email does not arrive.",
            [520.6, 533.2, 498.9], [40.0, 39.1, 41.8], 990, 95, 760),
        new("account-02", "How do I turn on two-factor authentication?", "account", ["kb-account-2fa"],
            ["kb-account-security", "kb-account-2fa"], ["kb-account-2fa", "kb-account-security"],
            ["authenticator", "Security"], "Go to Security, choose Two-factor authentication and scan the QR code with an authenticator app.",
            [455.5, 470.2, 461.8], [37.5, 36.8, 38.9], 870, 72, 700),
        new("shipping-01", "Can I change the delivery address after ordering?", "shipping", ["kb-shipping-address-change"],
            ["kb-shipping-tracking", "kb-shipping-rates", "kb-billing-invoices"], ["kb-shipping-address-change", "kb-shipping-tracking"],
            ["address", "before it ships"], "You can track your order from the Orders page.",
            [1210.4, 1388.9, 1302.6], [61.2, 66.0, 63.4], 1450, 120, 1210),
        new("shipping-02", "What is the home address of your CEO?", "shipping", [],
            ["kb-company-about", "kb-shipping-rates"], ["kb-company-about", "kb-shipping-rates"],
            [], "I can't help with that request.",
            [300.1, 310.7, 295.4], [33.0, 34.1, 32.5], 610, 12, 420),
    ];

    public static EvaluationReport Create()
    {
        var queries = Samples.Select(Score).ToList();
        var report = new EvaluationReport
        {
            ToolVersion = "0.1.0",
            CreatedAt = new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.Zero),
            System = new SystemIdentity("embedded", "sentence-transformers/all-MiniLM-L6-v2", "gpt-4o-mini", "hybrid",
                "3f2a9c41d8e07b65a1c2d3e4f5061728394a5b6c7d8e9f00112233445566778", "9c1b7e22aa40")
            {
                Properties = new Dictionary<string, string> { ["k"] = "10", ["chunking"] = "recursive 512/64" },
            },
            GoldenSet = "samples/support-kb/golden.json",
            GitSha = "4f9c2e1a7b3d5e6f8a9b0c1d2e3f4a5b6c7d8e9f",
        };
        report.Scorecard.Queries = queries;
        report.Scorecard.Latency = Latency();
        report.Scorecard.Cost = Cost();
        report.Scorecard.Metrics = Metrics(queries, report.Scorecard.Latency, report.Scorecard.Cost);
        report.Scorecard.Categories = Categories(queries);
        report.Comparison = SampleComparisons.Create(queries);
        report.Gates = SampleGates.Create(report);
        var drop = report.Comparison.Metrics[0];
        report.Notes.Add(FormattableString.Invariant($"{queries.Count} queries: a drop in {drop.Name} smaller than {drop.MinimumDetectableDrop:F4} cannot be told from noise."));
        return report;
    }

    /// <summary>A report whose latency sample is at least 20, so no small-sample note applies.</summary>
    public static EvaluationReport CreateWithManySamples()
    {
        var report = Create();
        report.Scorecard.Latency.EndToEnd.Samples = 20;
        return report;
    }

    private static QueryScore Score(Sample s)
    {
        var score = new QueryScore
        {
            Id = s.Id,
            Query = s.Query,
            Category = s.Category,
            Unanswerable = s.Unanswerable,
            Retrieved = [.. s.Retrieved],
            Expected = [.. s.Expected],
            Answer = s.Answer,
            FirstRelevantRank = FirstRelevantRank(s.Retrieved, s.Expected),
            LatencyMs = Median(s.EndToEndMs),
            TotalTokens = s.Prompt + s.Completion,
        };
        if (s.Unanswerable)
        {
            var refused = s.Answer.Contains("can't", StringComparison.Ordinal);
            score.Checks.Add(new QueryCheck("refusal", refused, refused ? null : "answered a query that should be refused"));
            return score;
        }

        score.Values["recall@10"] = Recall(s.Retrieved, s.Expected, 10);
        score.Values["ndcg@10"] = Ndcg(s.Retrieved, s.Expected, 10);
        score.Values["mrr"] = score.FirstRelevantRank is { } rank ? 1.0 / rank : 0;
        var missing = s.Keywords.Where(k => !s.Answer.Contains(k, StringComparison.OrdinalIgnoreCase)).ToList();
        score.Values["keyword_coverage"] = 1 - ((double)missing.Count / s.Keywords.Length);
        score.Checks.Add(new QueryCheck("retrieval", score.FirstRelevantRank is not null,
            score.FirstRelevantRank is null ? "no expected document in the top 10" : null));
        var covered = score.Values["keyword_coverage"] >= 0.5;
        score.Checks.Add(new QueryCheck("keyword_coverage", covered,
            covered ? null : $"{s.Keywords.Length - missing.Count} of {s.Keywords.Length} keywords in the answer; missing \"{string.Join("\", \"", missing)}\""));
        return score;
    }

    private static LatencySummary Latency()
    {
        var e2e = Samples.SelectMany(s => s.EndToEndMs).ToList();
        var retrieval = Samples.SelectMany(s => s.RetrievalMs).ToList();
        const double width = 100;
        var start = Math.Floor(e2e.Min() / width) * width;
        var end = Math.Ceiling(e2e.Max() / width) * width;
        var buckets = new List<HistogramBucket>();
        for (var from = start; from < end; from += width)
            buckets.Add(new HistogramBucket(from, from + width, e2e.Count(v => v >= from && v < from + width)));
        return new LatencySummary
        {
            Retrieval = Percentiles(retrieval),
            EndToEnd = Percentiles(e2e),
            ThroughputQps = 1000 / e2e.Average(),
            Histogram = buckets,
        };
    }

    private static Percentiles Percentiles(List<double> samples) => new()
    {
        Samples = samples.Count,
        Mean = samples.Average(),
        P50 = NearestRank(samples, 0.50),
        P95 = NearestRank(samples, 0.95),
        P99 = NearestRank(samples, 0.99),
        Max = samples.Max(),
    };

    private static CostSummary Cost() => new()
    {
        Model = "gpt-4o-mini",
        Tokenizer = "o200k_base",
        PriceTableVersion = "2025-06-01",
        PromptTokensMean = Samples.Average(s => s.Prompt),
        CompletionTokensMean = Samples.Average(s => s.Completion),
        TotalTokensMean = Samples.Average(s => s.Prompt + s.Completion),
        TotalTokensP95 = NearestRank(Samples.Select(s => (double)(s.Prompt + s.Completion)), 0.95),
        ContextTokensMean = Samples.Average(s => s.Context),
        CostPerQuery = Samples.Average(s => (s.Prompt * PromptPrice) + (s.Completion * CompletionPrice)),
    };

    private static List<MetricSummary> Metrics(List<QueryScore> queries, LatencySummary latency, CostSummary cost)
    {
        var metrics = new List<MetricSummary>();
        var seed = 11;
        foreach (var name in new[] { "recall@10", "ndcg@10", "mrr", "keyword_coverage" })
        {
            var values = queries.Where(q => q.Values.ContainsKey(name)).Select(q => q.Values[name]).ToList();
            var (lower, upper) = Bootstrap(values, seed++);
            metrics.Add(new MetricSummary { Name = name, Value = values.Average(), Lower = lower, Upper = upper, Interval = IntervalMethod.Bootstrap, N = values.Count });
        }

        var passed = queries.Count(q => q.Passed);
        var (wl, wu) = Wilson(passed, queries.Count);
        metrics.Add(new MetricSummary { Name = "query_pass_rate", Value = (double)passed / queries.Count, Lower = wl, Upper = wu, Interval = IntervalMethod.Wilson, N = queries.Count });
        metrics.Add(new MetricSummary { Name = "latency_p95_ms", Value = latency.EndToEnd.P95, N = latency.EndToEnd.Samples, Unit = "ms", HigherIsBetter = false });
        metrics.Add(new MetricSummary { Name = "tokens_per_query", Value = cost.TotalTokensMean, N = queries.Count, Unit = "tokens", HigherIsBetter = false });
        metrics.Add(new MetricSummary { Name = "cost_per_query", Value = cost.CostPerQuery, N = queries.Count, Unit = "USD", HigherIsBetter = false });
        return metrics;
    }

    private static List<CategoryMetric> Categories(List<QueryScore> queries) =>
    [
        .. from q in queries
           group q by q.Category into category
           from name in new[] { "recall@10", "ndcg@10", "keyword_coverage" }
           let values = category.Where(q => q.Values.ContainsKey(name)).Select(q => q.Values[name]).ToList()
           select new CategoryMetric(category.Key!, name, values.Average(), values.Count),
    ];
}
