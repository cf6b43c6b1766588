using RagGate.Evaluation.Comparing;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;
using static RagGate.Evaluation.Tests.Scoring.RunBuilder;

namespace RagGate.Evaluation.Tests.Comparing;

public sealed class ComparisonBuilderTests
{
    private static readonly ScoringOptions Options = new() { RetrievalMetrics = ["recall@10"] };

    private static async Task<Comparison> CompareAsync(Run baseline, Run candidate, GoldenSet golden)
    {
        var baseCard = await ScorecardBuilder.BuildAsync(baseline, golden, Options);
        var candCard = await ScorecardBuilder.BuildAsync(candidate, golden, Options);
        return ComparisonBuilder.Build(baseline, baseCard, candCard, candidate, golden, new ComparisonOptions { Permutations = 2000 });
    }

    [Fact]
    public async Task Build_LostDocument_NamesTheQueryTheDocumentAndBothRanks()
    {
        var golden = Golden(Query("q1", ["a"]), Query("q2", ["b"]));
        var baseline = Run(Record("q1", ["a", "x"]), Record("q2", ["b"]));
        var candidate = Run(Record("q1", ["x", "y"]), Record("q2", ["b"]));

        var comparison = await CompareAsync(baseline, candidate, golden);

        var regression = Assert.Single(comparison.Regressions);
        Assert.Equal(("q1", "recall@10", 1.0, 0.0), (regression.Id, regression.Metric, regression.Baseline, regression.Candidate));
        var lost = Assert.Single(regression.Lost);
        Assert.Equal(new LostDocument("a", 1, null), lost);
        Assert.Equal("lost a (rank 1 -> not retrieved)", regression.Reason);
        Assert.Equal(["x", "y"], regression.CandidateTop);
        var row = comparison.Metrics.Single(m => m.Name == "recall@10");
        Assert.Equal((0, 1, 1), (row.Wins, row.Ties, row.Losses));
        Assert.Equal(-0.5, row.Delta, 12);
    }

    [Fact]
    public async Task Build_LostKeyword_SaysWhichKeyword()
    {
        var golden = Golden(Query("q1", ["a"], ["30 days"]));
        var baseline = Run(Record("q1", ["a"], texts: ["refunds within 30 days"]));
        var candidate = Run(Record("q1", ["a"], texts: ["refunds"]));

        var regression = Assert.Single((await CompareAsync(baseline, candidate, golden)).Regressions);

        Assert.Equal("keyword_coverage", regression.Metric);
        Assert.Equal("keywords no longer in the top 5 documents: '30 days'", regression.Reason);
    }

    [Fact]
    public async Task Build_ConsistentLargeDrop_IsSignificantAfterHolm()
    {
        var ids = Enumerable.Range(1, 40).Select(i => $"q{i}").ToArray();
        var golden = Golden([.. ids.Select(id => Query(id, [$"d{id}"]))]);
        var baseline = Run([.. ids.Select(id => Record(id, [$"d{id}"]))]);
        var candidate = Run([.. ids.Select((id, i) => Record(id, i % 4 == 0 ? [$"d{id}"] : ["other"]))]);

        var row = (await CompareAsync(baseline, candidate, golden)).Metrics.Single(m => m.Name == "recall@10");

        Assert.Equal(-0.75, row.Delta, 12);
        Assert.True(row.AdjustedPValue < 0.01, $"adjusted p {row.AdjustedPValue}");
        Assert.True(row.DeltaUpper < 0);
    }

    [Fact]
    public async Task Build_IdenticalRuns_HaveNoRegressionsAndPValueOne()
    {
        var golden = Golden(Query("q1", ["a"]), Query("q2", ["b"]));
        var run = Run(Record("q1", ["a"]), Record("q2", ["x", "b"]));

        var comparison = await CompareAsync(run, run, golden);

        Assert.Empty(comparison.Regressions);
        Assert.All(comparison.Metrics, m => Assert.Equal(1.0, m.PValue));
    }
}
