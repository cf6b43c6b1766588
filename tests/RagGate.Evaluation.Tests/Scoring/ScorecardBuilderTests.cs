using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Tests.Fixtures;
using static RagGate.Evaluation.Tests.Scoring.RunBuilder;

namespace RagGate.Evaluation.Tests.Scoring;

public sealed class ScorecardBuilderTests
{
    private static readonly ScoringOptions Options = new()
    {
        RetrievalMetrics = ["recall@1", "recall@10", "mrr@10"],
        CostOf = usage => (usage.PromptTokens * 1e-6) + (usage.CompletionTokens * 4e-6),
    };

    [Fact]
    public async Task BuildAsync_MixedQueries_ScoresRetrievalAnswersAndRefusals()
    {
        var golden = Golden(
            Query("q1", ["a"], ["reset", "email"]),
            Query("q2", ["b", "c"], ["refund"]),
            Query("q3", []));
        var run = Run(
            Record("q1", ["x", "a"], answer: "Choose reset. [a]", texts: ["nothing here", "click reset to start"], latency: 10),
            Record("q2", ["c", "y"], answer: "I don't know: the knowledge base does not cover this.", refused: true, latency: 30),
            Record("q3", ["z"], answer: "I don't know: the knowledge base does not cover this.", refused: true, latency: 20));

        var card = await ScorecardBuilder.BuildAsync(run, golden, Options);

        // q1: relevant at rank 2 of 1 relevant; q2: one of two relevant at rank 1. q3 is unanswerable: not in retrieval means.
        Assert.Equal((0.0 + 0.5) / 2, card.Find("recall@1")!.Value, 12);
        Assert.Equal((1.0 + 0.5) / 2, card.Find("recall@10")!.Value, 12);
        Assert.Equal((0.5 + 1.0) / 2, card.Find("mrr@10")!.Value, 12);
        Assert.Equal(2, card.Find("recall@10")!.N);
        // q1 finds 'reset' but not 'email' in its top documents; q2 finds no 'refund'.
        Assert.Equal((0.5 + 0.0) / 2, card.Find("keyword_coverage")!.Value, 12);
        Assert.Equal(0.5, card.Find("answer_rate")!.Value, 12);
        Assert.Equal(1.0, card.Find("refusal_accuracy")!.Value, 12);
        Assert.Equal(1, card.Find("refusal_accuracy")!.N);
        Assert.Equal(120, card.Find("tokens_per_query")!.Value, 12);
        Assert.Equal((100 * 1e-6) + (20 * 4e-6), card.Cost.CostPerQuery, 15);
        Assert.Equal(30, card.Latency.EndToEnd.P95);
        Assert.Equal(20, card.Latency.EndToEnd.P50);
    }

    [Fact]
    public async Task BuildAsync_InventedAnswerToUnanswerableQuery_FailsTheRefusalCheck()
    {
        var card = await ScorecardBuilder.BuildAsync(Run(Record("q1", ["x"], answer: "Yes, there is a watch app. [x]")), Golden(Query("q1", [])), Options);

        var query = Assert.Single(card.Queries);
        Assert.Equal(0, query.Values["refusal_accuracy"]);
        Assert.Contains(query.Checks, c => c is { Name: QueryCheckNames.Refusal, Passed: false });
        Assert.False(query.Passed);
    }

    [Fact]
    public async Task BuildAsync_TargetSaysItAnswered_RefusalMarkerInTheAnswerIsNotARefusal()
    {
        // The sample's own documents say "does not cover"; quoting them is an answer, not a refusal.
        var golden = Golden(Query("q1", ["a"], ["hardware"]), Query("q2", []));
        var run = Run(
            Record("q1", ["a"], answer: "The Plus plan does not cover hardware repairs. [a]", refused: false),
            Record("q2", ["a"], answer: "Warranty does not cover water damage. [a]", refused: false));

        var card = await ScorecardBuilder.BuildAsync(run, golden, Options);

        Assert.Equal(1.0, card.Find("answer_rate")!.Value, 12);
        Assert.Equal(0.0, card.Find("refusal_accuracy")!.Value, 12);
    }

    [Fact]
    public async Task BuildAsync_TargetGaveNoRefusalSignal_MarkersDecide()
    {
        var golden = Golden(Query("q1", []), Query("q2", []));
        var run = Run(
            Record("q1", ["a"], answer: "Sorry, I don't know.", refused: null),
            Record("q2", ["a"], answer: "Yes, there is a watch app. [a]", refused: null));

        var card = await ScorecardBuilder.BuildAsync(run, golden, Options);

        Assert.Equal(0.5, card.Find("refusal_accuracy")!.Value, 12);
    }

    [Fact]
    public async Task BuildAsync_QueriesJudgedOnlyNonRelevant_ScoredAsTrecEvalScoresThem()
    {
        // edge-cases holds queries whose judgments are all 0; trec_eval -c scores them as zeros.
        var qrels = TrecQrels.Read(FixturePath.TrecEval("edge-cases", "qrels.txt"));
        var golden = TrecQrels.ToGoldenSet(qrels, "qrels.txt", "sha");
        var run = TrecRunFile.Read(FixturePath.TrecEval("edge-cases", "run.trec"));
        var expected = File.ReadLines(FixturePath.TrecEval("edge-cases", "expected.txt"))
            .Select(l => l.Split('\t'))
            .Where(f => f[1] == "all")
            .ToDictionary(f => f[0].Trim(), f => double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(golden.Queries, q => q.Judgments.Count > 0 && q.IsUnanswerable);

        var card = await ScorecardBuilder.BuildAsync(run, golden, Options with { RetrievalMetrics = ["recall@10", "ndcg@10", "precision@5"] });

        Assert.Equal(expected["recall_10"], card.Find("recall@10")!.Value, 4);
        Assert.Equal(expected["ndcg_cut_10"], card.Find("ndcg@10")!.Value, 4);
        Assert.Equal(expected["P_5"], card.Find("precision@5")!.Value, 4);
        Assert.Equal(golden.Queries.Count, card.Find("recall@10")!.N);
    }

    [Fact]
    public async Task BuildAsync_HallucinationMarkerAndForbiddenPhrase_FailTheirChecks()
    {
        var golden = Golden(Query("q1", ["a"], ["refund"], mustNotContain: ["14 days"]));
        var run = Run(Record("q1", ["a"], answer: "As an AI, I think refunds take 14 days. [a]"));

        var query = Assert.Single((await ScorecardBuilder.BuildAsync(run, golden, Options)).Queries);

        Assert.Equal(0, query.Values["hallucination_free"]);
        Assert.Contains(query.Checks, c => c.Name == "hallucination_markers" && !c.Passed && c.Reason!.Contains("As an AI"));
        Assert.Contains(query.Checks, c => c.Name == "must_not_contain" && !c.Passed && c.Reason!.Contains("14 days"));
        Assert.Equal(1, query.Values["answer_keyword_hit"]);
    }

    [Fact]
    public async Task BuildAsync_QueryMissingFromRun_ScoresZero()
    {
        var card = await ScorecardBuilder.BuildAsync(Run(Record("q1", ["a"])), Golden(Query("q1", ["a"]), Query("q2", ["b"])), Options);

        Assert.Equal(0.5, card.Find("recall@10")!.Value, 12);
        Assert.Contains(card.Queries[1].Checks, c => c is { Name: "target", Passed: false });
    }

    [Fact]
    public async Task BuildAsync_TiedScores_RanksLikeTrecEval()
    {
        // Both documents score 0.5; trec_eval breaks the tie by document id, descending, so 'b' comes first.
        var record = Record("q1", ["a", "b"]);
        record.Retrieved = [new("a", 0.5, 1), new("b", 0.5, 2)];

        var card = await ScorecardBuilder.BuildAsync(Run(record), Golden(Query("q1", ["a"])), Options);

        Assert.Equal(0.5, card.Find("mrr@10")!.Value, 12);
        Assert.Equal(0, card.Find("recall@1")!.Value, 12);
    }

    [Fact]
    public async Task BuildAsync_Categories_AverageWithinEachCategory()
    {
        var golden = Golden(Query("q1", ["a"], category: "billing"), Query("q2", ["b"], category: "billing"), Query("q3", ["c"], category: "refunds"));
        var run = Run(Record("q1", ["a"]), Record("q2", ["x"]), Record("q3", ["c"]));

        var card = await ScorecardBuilder.BuildAsync(run, golden, Options);

        Assert.Equal(0.5, card.Categories.Single(c => c is { Category: "billing", Metric: "recall@10" }).Value, 12);
        Assert.Equal(1.0, card.Categories.Single(c => c is { Category: "refunds", Metric: "recall@10" }).Value, 12);
    }
}
