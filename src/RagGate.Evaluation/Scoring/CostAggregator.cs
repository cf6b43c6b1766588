using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Scoring;

/// <summary>Tokens and money per answered query.</summary>
internal static class CostAggregator
{
    public static CostSummary Summarize(Run run, IReadOnlyList<QueryScore> queries, ScoringOptions options)
    {
        var summary = new CostSummary
        {
            Model = options.GenerationModel,
            Tokenizer = options.Tokenizer,
            Currency = options.Currency,
            PriceTableVersion = options.PriceTableVersion,
        };
        // The sample is the answered records the golden set scored: records of other queries carry no cost,
        // and an empty sample leaves the summary empty (reported as n/a), never an average of nothing.
        var scored = queries.Where(q => q.Values.ContainsKey(MetricCatalog.CostPerQuery)).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var answered = run.Queries.Where(q => q.Answer is not null && scored.Contains(q.Id)).ToList();
        if (answered.Count == 0) return summary;

        var totals = answered.Select(q => (double)(q.PromptTokens + q.CompletionTokens)).ToList();
        summary.PromptTokensMean = answered.Average(q => q.PromptTokens);
        summary.CompletionTokensMean = answered.Average(q => q.CompletionTokens);
        summary.TotalTokensMean = totals.Average();
        summary.TotalTokensP95 = Percentile.NearestRank(totals, 95);
        summary.ContextTokensMean = answered.Average(q => q.ContextTokens);
        summary.CostPerQuery = queries.Where(q => q.Values.ContainsKey(MetricCatalog.CostPerQuery)).Average(q => q.Values[MetricCatalog.CostPerQuery]);
        return summary;
    }

    public static IEnumerable<MetricSummary> Metrics(CostSummary cost, int n)
    {
        yield return new MetricSummary { Name = MetricCatalog.TokensP95, Value = cost.TotalTokensP95, N = n, HigherIsBetter = false, Unit = "tokens" };
        yield return new MetricSummary { Name = MetricCatalog.CostPer1000, Value = cost.CostPer1000Queries, N = n, HigherIsBetter = false, Unit = cost.Currency };
    }
}
