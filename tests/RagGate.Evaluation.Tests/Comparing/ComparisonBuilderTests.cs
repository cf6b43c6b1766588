using RagGate.Evaluation.Comparing;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;
using static RagGate.Evaluation.Tests.Scoring.RunBuilder;

namespace RagGate.Evaluation.Tests.Comparing;

public sealed class ComparisonBuilderTests
{
    private static readonly ScoringOptions Options = new() { RetrievalMetrics = ["recall@10"] };

    private static async Task<Comparison> CompareAsync(Run baseline, Run candidate, GoldenSet golden, params RegressionRule[] rules)
    {
        var pairing = QueryPairing.Create(golden, baseline, candidate);
        var baseCard = await ScorecardBuilder.BuildAsync(pairing.Baseline, golden, Options);
        var candCard = await ScorecardBuilder.BuildAsync(candidate, golden, Options);
        return ComparisonBuilder.Build(pairing, baseCard, candCard, candidate, golden, new ComparisonOptions { Permutations = 2000, Rules = rules });
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
    public async Task Build_UnanswerableQueryAnsweredNow_ListedWithTheRefusalCheck()
    {
        // An unanswerable query (no relevant document) that the baseline refused and the candidate answers: no
        // retrieval or keyword metric moves, so only the refusal check can say it got worse.
        var golden = Golden(Query("q1", ["a"]), Query("off-topic", []));
        var baseline = Run(Record("q1", ["a"], answer: "Use [a]."), Record("off-topic", ["a"], answer: "I don't know.", refused: true));
        var candidate = Run(Record("q1", ["a"], answer: "Use [a]."), Record("off-topic", ["a"], answer: "Quillbox runs on Apple Watch [a].", refused: false));

        var comparison = await CompareAsync(baseline, candidate, golden);

        var regression = Assert.Single(comparison.Regressions);
        Assert.Equal(("off-topic", "refusal_accuracy", 1.0, 0.0), (regression.Id, regression.Metric, regression.Baseline, regression.Candidate));
        Assert.StartsWith("now fails refusal", regression.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ConsistentLargeDrop_IsSignificantAfterHolm()
    {
        var ids = Enumerable.Range(1, 40).Select(i => $"q{i}").ToArray();
        var golden = Golden([.. ids.Select(id => Query(id, [$"d{id}"]))]);
        var baseline = Run([.. ids.Select(id => Record(id, [$"d{id}"]))]);
        var candidate = Run([.. ids.Select((id, i) => Record(id, i % 4 == 0 ? [$"d{id}"] : ["other"]))]);

        var row = (await CompareAsync(baseline, candidate, golden, new RegressionRule("recall@10", 0.02, 0.05, "test"))).Metrics.Single(m => m.Name == "recall@10");

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

    [Fact]
    public async Task Build_IdenticalRuns_MinimumDetectableDropIsPositive()
    {
        var ids = Enumerable.Range(1, 20).Select(i => $"q{i}").ToArray();
        var golden = Golden([.. ids.Select(id => Query(id, [$"d{id}"]))]);
        var run = Run([.. ids.Select((id, i) => Record(id, i % 3 == 0 ? ["other"] : [$"d{id}"]))]);

        var row = (await CompareAsync(run, run, golden, new RegressionRule("recall@10", 0.02, 0.05, "test"))).Metrics.Single(m => m.Name == "recall@10");

        Assert.Equal(1.0, row.PValue);
        Assert.Equal(1.0, row.AdjustedPValue);
        Assert.True(row.MinimumDetectableDrop > 0.1, $"MDE {row.MinimumDetectableDrop}");
        Assert.Null(row.Note);
    }

    [Fact]
    public async Task Build_HolmFamily_IsTheRegressionRulesOnly()
    {
        var ids = Enumerable.Range(1, 40).Select(i => $"q{i}").ToArray();
        var golden = Golden([.. ids.Select(id => Query(id, [$"d{id}"], ["word"]))]);
        var baseline = Run([.. ids.Select(id => Record(id, [$"d{id}"], texts: ["a word"]))]);
        var candidate = Run([.. ids.Select((id, i) => Record(id, i % 4 == 0 ? [$"d{id}"] : ["other"], texts: [i % 4 == 0 ? "a word" : "nothing"]))]);

        var comparison = await CompareAsync(baseline, candidate, golden, new RegressionRule("recall@10", 0.02, 0.05, "test"));

        var recall = comparison.Metrics.Single(m => m.Name == "recall@10");
        Assert.True(recall.Gated);
        // One rule: the family has one member, so Holm leaves its p as it is, however many metrics are compared.
        Assert.True(comparison.Metrics.Count > 1);
        Assert.Equal(recall.PValue, recall.AdjustedPValue);
        Assert.All(comparison.Metrics.Where(m => m.Name != "recall@10"), m => Assert.False(m.Gated));
    }

    [Fact]
    public async Task Build_Improvement_IsOneSidedWithPNearOneAndSaysWhy()
    {
        var ids = Enumerable.Range(1, 40).Select(i => $"q{i}").ToArray();
        var golden = Golden([.. ids.Select(id => Query(id, [$"d{id}"]))]);
        var baseline = Run([.. ids.Select((id, i) => Record(id, i % 4 == 0 ? [$"d{id}"] : ["other"]))]);
        var candidate = Run([.. ids.Select(id => Record(id, [$"d{id}"]))]);

        var row = (await CompareAsync(baseline, candidate, golden, new RegressionRule("recall@10", 0.02, 0.05, "test"))).Metrics.Single(m => m.Name == "recall@10");

        Assert.True(row.DeltaLower > 0);
        Assert.True(row.PValue > 0.99, $"p {row.PValue}");
        Assert.Equal("improved: the test asks only whether it got worse", row.Note);
    }

    [Fact]
    public async Task Build_TwoRules_IntervalTailsAtAlphaOverTwo()
    {
        var golden = Golden(Query("q1", ["a"]), Query("q2", ["b"]));
        var run = Run(Record("q1", ["a"]), Record("q2", ["x", "b"]));

        var comparison = await CompareAsync(run, run, golden,
            new RegressionRule("recall@10", 0.02, 0.05, "test"), new RegressionRule("keyword_coverage", 0.02, 0.05, "test"));

        Assert.Equal(0.95, comparison.Metrics.Single(m => m.Name == "recall@10").IntervalConfidence, 12);
    }

    [Fact]
    public async Task Build_QueryInsertedAndTextChanged_PairsByIdAndListsTheRest()
    {
        var golden = Golden(Query("new", ["n"]), Query("q1", ["a"]), Query("q2", ["b"]) with { Query = "reworded question" });
        var baseline = Run(Record("q1", ["a"]), Record("q2", ["b"]), Record("gone", ["g"]));
        var candidate = Run(Record("new", ["x"]), Record("q1", ["a"]), Asked(Record("q2", ["b"]), "reworded question"));

        var comparison = await CompareAsync(baseline, candidate, golden);

        Assert.Equal(1, comparison.PairedQueries);
        Assert.Empty(comparison.Regressions);
        Assert.Equal(
            [("new", "new: not in the baseline run"), ("q2", "text changed: the baseline asked 'question q2'"), ("gone", "in the baseline run only: no longer in the golden set")],
            comparison.Unpaired.Select(u => (u.Id, u.Reason)));
    }

    [Fact]
    public async Task Build_BaselineWithPositionalIds_PairsByText()
    {
        var golden = Golden(Query("q-new", ["n"]), Query("q-a", ["a"]) with { Query = "question q1" });
        var baseline = Run(Record("q1", ["a"]));
        var candidate = Run(Record("q-new", ["x"]), Asked(Record("q-a", ["z"]), "question q1"));

        var comparison = await CompareAsync(baseline, candidate, golden);

        Assert.Equal(1, comparison.PairedQueries);
        var regression = Assert.Single(comparison.Regressions);
        Assert.Equal("q-a", regression.Id);
    }

    private static QueryRecord Asked(QueryRecord record, string text)
    {
        record.Query = text;
        return record;
    }
}
