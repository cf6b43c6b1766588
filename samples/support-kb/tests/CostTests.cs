using RagGate.Evaluation.Tokens;

namespace SupportKb.QualityTests;

/// <summary>Token budgets, as the reference pipeline's <c>TestCostEstimation</c>, with the real tokenizer instead of words x 1.3.</summary>
[Collection(SupportKbCollection.Name)]
public sealed class CostTests(SupportKbFixture kb)
{
    [Fact]
    public async Task AverageTokensPerQuery_StaysUnder3000()
    {
        var queries = kb.Golden.Queries.Take(10).ToList();
        var total = 0;
        foreach (var query in queries)
        {
            total += (await kb.Pipeline.QueryWithUsageAsync(query.Query)).Usage.TotalTokens;
        }

        var average = (double)total / queries.Count;
        Assert.True(average < 3000, $"Average tokens ({average}) exceeds budget (3000)");
    }

    [Fact]
    public async Task Context_IsUnder4000Tokens()
    {
        var counter = TokenCounter.ForModel("gpt-4o-mini");
        foreach (var query in kb.Golden.Queries.Take(5))
        {
            var context = await kb.Pipeline.GetContextAsync(query.Query);
            var tokens = counter.Count(context);
            Assert.True(tokens is > 0 and < 4000, $"Context of {tokens} tokens for: {query.Query}");
        }
    }
}
