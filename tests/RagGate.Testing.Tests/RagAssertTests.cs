using RagGate.Evaluation.Metrics;

namespace RagGate.Testing.Tests;

public sealed class RagAssertTests
{
    private static Task<RagTestRun> ScoreAsync(Evaluation.Runs.Run? run = null) => RagTestRun.ScoreAsync(run ?? Runs.Recorded(), Runs.Golden);

    [Fact]
    public async Task RecallAtK_AtOrAboveTheBound_ReturnsTheScorecardsMean()
    {
        var run = await ScoreAsync();

        var recall = RagAssert.RecallAtK(run, 10, atLeast: 0.6);

        // reset and refund found their document, export did not: 2 of 3 answerable queries.
        Assert.Equal(2.0 / 3, recall, 12);
        Assert.Equal(run.Scorecard.Find("recall@10")!.Value, recall);
    }

    [Fact]
    public async Task RecallAtK_BelowTheBound_SaysTheValueTheGapAndTheQueryThatMissed()
    {
        var run = await ScoreAsync();

        var error = Assert.Throws<RagAssertException>(() => RagAssert.RecallAtK(run, 10, atLeast: 0.85));

        Assert.StartsWith("recall@10 is 0.6667 (mean of 3 queries), 0.1833 below the required minimum 0.85. Worst queries:", error.Message, StringComparison.Ordinal);
        Assert.Contains("[export] \"How do I export my data?\": 0 (missing export)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("[reset]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecallAtK_MetricNotComputed_SaysHowToAskForIt()
    {
        var run = await ScoreAsync();

        var error = Assert.Throws<InvalidOperationException>(() => RagAssert.RecallAtK(run, 20, atLeast: 0.5));

        Assert.Contains("recall@20 was not computed for this run; add it to RagTestOptions.Metrics", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecallAtK_MetricAskedFor_IsComputed()
    {
        var run = await RagTestRun.ScoreAsync(Runs.Recorded(), Runs.Golden, new RagTestOptions { Metrics = ["recall@20"] });

        Assert.Equal(2.0 / 3, RagAssert.RecallAtK(run, 20, atLeast: 0.5), 12);
    }

    [Fact]
    public async Task KeywordCoverage_BelowTheBound_NamesTheMissingKeywords()
    {
        var run = await ScoreAsync();

        var error = Assert.Throws<RagAssertException>(() => RagAssert.KeywordCoverage(run, atLeast: 0.9));

        Assert.StartsWith("keyword_coverage is 0.6667 (mean of 3 queries)", error.Message, StringComparison.Ordinal);
        Assert.Contains("[export] \"How do I export my data?\": 0 (missing in the top 5 documents: 'csv')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoHallucinations_AnswerWithAMarker_NamesTheQueryAndTheMarker()
    {
        var run = await ScoreAsync(Runs.Recorded(exportAnswer: "As an AI, I think you can export a CSV."));

        var error = Assert.Throws<RagAssertException>(() => RagAssert.NoHallucinations(run));

        Assert.StartsWith("1 of 4 answers hold a hallucination marker or a forbidden phrase:", error.Message, StringComparison.Ordinal);
        Assert.Contains("[export] \"How do I export my data?\": the answer contains 'As an AI'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoHallucinations_CleanAnswers_Passes() => RagAssert.NoHallucinations(await ScoreAsync());

    [Fact]
    public async Task AnswerKeywordHitAndRefusalAccuracy_ReadTheScorersValues()
    {
        var run = await ScoreAsync();

        Assert.Equal(1.0, RagAssert.AnswerKeywordHit(run, atLeast: 1.0));
        Assert.Equal(1.0, RagAssert.RefusalAccuracy(run, atLeast: 1.0));
    }

    [Fact]
    public async Task LatencyPercentile_OverTheBudget_SaysByHowMuchAndTheSlowestQuery()
    {
        var run = await ScoreAsync(Runs.Recorded(slowMs: 250));

        var error = Assert.Throws<RagAssertException>(() => RagAssert.LatencyPercentile(run, LatencyKind.EndToEnd, 95, TimeSpan.FromMilliseconds(200)));

        Assert.StartsWith("p95 end-to-end latency is 250 ms over 4 samples, 50 ms over the 200 ms budget. Slowest queries:\n  [export]", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(125), RagAssert.LatencyPercentile(run, LatencyKind.Retrieval, 95, TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task TokensPerQuery_OverTheBudget_NamesTheLargestQueries()
    {
        var run = await ScoreAsync();

        var error = Assert.Throws<RagAssertException>(() => RagAssert.TokensPerQuery(run, atMost: 1000));

        // (3040 + 1230 + 925 + 410) / 4 = 1401.25
        Assert.StartsWith("tokens_per_query is 1401.25 (mean of 4 queries), 401.25 above the allowed maximum 1000. Worst queries:\n  [reset] \"How do I reset my password?\": 3040", error.Message, StringComparison.Ordinal);
        Assert.Equal(run.Scorecard.Find(MetricCatalog.TokensPerQuery)!.Value, RagAssert.TokensPerQuery(run, atMost: 3000));
    }

    [Fact]
    public async Task ContextTokens_OneContextOverTheLimit_NamesIt()
    {
        var run = await ScoreAsync();

        var error = Assert.Throws<RagAssertException>(() => RagAssert.ContextTokens(run, atMost: 2000));

        Assert.StartsWith("1 of 4 contexts exceed 2000 tokens; the largest is 2900, 900 over:\n  [reset]", error.Message, StringComparison.Ordinal);
        Assert.Equal(2900, RagAssert.ContextTokens(run, atMost: 4000));
    }
}
