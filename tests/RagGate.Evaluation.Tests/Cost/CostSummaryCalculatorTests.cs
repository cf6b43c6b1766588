using RagGate.Evaluation.Cost;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Tests.Cost;

public sealed class CostSummaryCalculatorTests
{
    [Fact]
    public void Summarize_Run_MeansP95AndCostPerQuery()
    {
        var run = new Run { System = new SystemIdentity("embedded", "minilm-l6-v2", "gpt-4o-mini", "dense", null, null) };
        // Totals 100, 200, ..., 2000 (20 queries): nearest-rank p95 is the 19th, 1900.
        for (var i = 1; i <= 20; i++)
            run.Queries.Add(new QueryRecord { Id = $"q{i}", PromptTokens = 90 * i, CompletionTokens = 10 * i, ContextTokens = 60 * i });
        run.Queries.Add(new QueryRecord { Id = "failed", PromptTokens = 0, Error = "timeout" });

        var summary = CostSummaryCalculator.Summarize(run, PriceTable.Default);

        Assert.Equal("gpt-4o-mini", summary.Model);
        Assert.Equal("o200k_base", summary.Tokenizer);
        Assert.Equal(945.0, summary.PromptTokensMean, 9);
        Assert.Equal(105.0, summary.CompletionTokensMean, 9);
        Assert.Equal(1050.0, summary.TotalTokensMean, 9);
        Assert.Equal(1900.0, summary.TotalTokensP95);
        Assert.Equal(630.0, summary.ContextTokensMean, 9);
        // 945 × 0.15 / 1e6 + 105 × 0.60 / 1e6 = 0.00014175 + 0.000063
        Assert.Equal(0.00020475, summary.CostPerQuery, 12);
        Assert.Equal(0.20475, summary.CostPer1000Queries, 9);
        Assert.Equal(("USD", "2026-11-01"), (summary.Currency, summary.PriceTableVersion));
    }

    [Fact]
    public void Summarize_FewerThanTwentyQueries_P95IsTheMaximum()
    {
        var usages = new[] { new TokenUsage(10, 1, 5), new TokenUsage(500, 20, 400), new TokenUsage(30, 3, 20) };

        var summary = CostSummaryCalculator.Summarize("gpt-4o", usages, PriceTable.Default);

        Assert.Equal(520.0, summary.TotalTokensP95);
    }

    [Fact]
    public void Summarize_UnpricedModel_ThrowsInputExceptionNamingTable()
    {
        var error = Assert.Throws<InputException>(() => CostSummaryCalculator.Summarize("llama-3-8b", [new TokenUsage(1, 1, 1)], PriceTable.Default));

        Assert.Contains("llama-3-8b", error.Message, StringComparison.Ordinal);
        Assert.StartsWith(PriceTable.BuiltInSource, error.Message, StringComparison.Ordinal);
    }
}
