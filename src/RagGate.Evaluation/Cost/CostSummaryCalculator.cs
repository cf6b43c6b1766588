using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Cost;

/// <summary>Summarizes a run's token usage and cost per query for the report.</summary>
public static class CostSummaryCalculator
{
    /// <summary>
    /// Tokens (mean, nearest-rank p95) and cost per query of <paramref name="run"/>'s generation
    /// model, priced with <paramref name="prices"/>. Queries that failed spent no measured tokens
    /// and are left out. A model the table does not price throws <see cref="InputException"/>.
    /// </summary>
    public static CostSummary Summarize(Run run, PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(prices);
        var model = run.System.GenerationModel;
        var usages = run.Queries
            .Where(q => q.Error is null)
            .Select(q => new TokenUsage(q.PromptTokens, q.CompletionTokens, q.ContextTokens))
            .ToList();
        return Summarize(model, usages, prices);
    }

    /// <summary>The same summary over a list of per-query usages.</summary>
    public static CostSummary Summarize(string model, IReadOnlyList<TokenUsage> usages, PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(usages);
        ArgumentNullException.ThrowIfNull(prices);
        var price = prices.Get(model);
        var summary = new CostSummary
        {
            Model = model,
            // A remote model's own counts may stand in for ours; the encoding is then unknown to us.
            Tokenizer = TokenCounter.EncodingFor(model) ?? "",
            Currency = prices.Currency,
            PriceTableVersion = prices.Version,
        };
        if (usages.Count == 0)
            return summary;
        summary.PromptTokensMean = usages.Average(u => (double)u.PromptTokens);
        summary.CompletionTokensMean = usages.Average(u => (double)u.CompletionTokens);
        summary.TotalTokensMean = usages.Average(u => (double)u.TotalTokens);
        summary.TotalTokensP95 = NearestRank(usages.Select(u => u.TotalTokens), 0.95);
        summary.ContextTokensMean = usages.Average(u => (double)u.ContextTokens);
        var total = usages.Aggregate(0m, (sum, usage) => sum + CostCalculator.Cost(usage, price));
        summary.CostPerQuery = (double)(total / usages.Count);
        return summary;
    }

    // Nearest-rank percentile: the smallest value with at least p of the values at or below it.
    private static double NearestRank(IEnumerable<int> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
