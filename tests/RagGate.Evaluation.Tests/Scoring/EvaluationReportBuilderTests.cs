using RagGate.Evaluation.Config;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;
using static RagGate.Evaluation.Tests.Scoring.RunBuilder;

namespace RagGate.Evaluation.Tests.Scoring;

public sealed class EvaluationReportBuilderTests
{
    private static readonly ScoringOptions Options = new() { RetrievalMetrics = ["recall@10"] };

    private static EvaluationConfig Config(string golden) => new()
    {
        Path = "raggate.yaml",
        Eval = new EvalSettings { Golden = golden },
        Gates = [new GateRule("recall@10", GateOperator.AtLeast, 0.5, GateMode.Point, null, "raggate.yaml:1")],
        Regressions = [new RegressionRule("recall@10", 0.02, 0.05, "raggate.yaml:2")],
    };

    [Fact]
    public async Task BuildAsync_QueryInsertedAtTheTopOfAnIdLessGoldenSet_NoRegressionAndTheNewQueryUnpaired()
    {
        using var directory = new TempFolder();
        var lines = Enumerable.Range(1, 12).Select(i => $"{{\"query\": \"question {i}?\", \"expected_doc_ids\": [\"d{i}\"]}}").ToList();
        var before = GoldenSetLoader.Load(directory.Write("before.jsonl", string.Join("\n", lines)));
        var after = GoldenSetLoader.Load(directory.Write("after.jsonl", string.Join("\n", ["{\"query\": \"brand new?\", \"expected_doc_ids\": [\"d99\"]}", .. lines])));
        // Both systems find every query's document; the new query is the only one the baseline never saw.
        var baseline = Run([.. before.Queries.Select(q => Answered(q))]);
        var candidate = Run([.. after.Queries.Select(q => Answered(q))]);

        var report = await EvaluationReportBuilder.BuildAsync(candidate, after, Config(after.Path), Options, baseline, TimeProvider.System);

        Assert.True(report.Passed, string.Join("; ", report.Gates.Select(g => g.Reason)));
        Assert.Empty(report.Comparison!.Regressions);
        Assert.Equal(12, report.Comparison.PairedQueries);
        var unpaired = Assert.Single(report.Comparison.Unpaired);
        Assert.Equal((after.Queries[0].Id, "brand new?"), (unpaired.Id, unpaired.Query));
        Assert.Equal(0.0, report.Comparison.Metrics.Single(m => m.Name == "recall@10").Delta, 12);
    }

    [Fact]
    public async Task BuildAsync_CorrectedJudgment_BaselineIsRescoredAndNoRegression()
    {
        // The baseline was made when q1's judgment said "a"; the corrected golden set says "b", which both runs rank first.
        var golden = Golden(Query("q1", ["b"]), Query("q2", ["c"]));
        var baseline = Run(Record("q1", ["b", "a"]), Record("q2", ["c"]));
        var candidate = Run(Record("q1", ["b", "z"]), Record("q2", ["c"]));

        var report = await EvaluationReportBuilder.BuildAsync(candidate, golden, Config("golden.json"), Options, baseline, TimeProvider.System);

        Assert.Empty(report.Comparison!.Regressions);
        Assert.Equal(1.0, report.Comparison.Metrics.Single(m => m.Name == "recall@10").Baseline);
    }

    [Fact]
    public async Task BuildAsync_SingleRunWithoutBaseline_ReportsTheDetectableDropAndWhenTheSetIsTooSmall()
    {
        var ids = Enumerable.Range(1, 20).Select(i => $"q{i}").ToArray();
        var golden = Golden([.. ids.Select(id => Query(id, [$"d{id}"]))]);
        var run = Run([.. ids.Select((id, i) => Record(id, i % 4 == 0 ? ["other"] : [$"d{id}"]))]);

        var report = await EvaluationReportBuilder.BuildAsync(run, golden, Config("golden.json"), Options, baseline: null, TimeProvider.System);

        var row = Assert.Single(report.Scorecard.DetectableDrops);
        Assert.Equal(("recall@10", 20, 0.05), (row.Metric, row.Queries, row.Alpha));
        Assert.InRange(row.Drop, 0.2, 0.5);
        Assert.True(row.TooSmallForRule);
        Assert.True(row.QueriesNeeded > 1000, $"needed {row.QueriesNeeded}");
        Assert.Contains(report.Notes, n => n.StartsWith("This golden set is too small to enforce 'recall@10 max_drop 0.02': its 20 queries detect drops of", StringComparison.Ordinal)
            && n.Contains($"it would need about {row.QueriesNeeded:N0} queries", StringComparison.Ordinal));
    }

    private static QueryRecord Answered(GoldenQuery query)
    {
        var record = Record(query.Id, [.. query.Judgments.Keys]);
        record.Query = query.Query;
        return record;
    }
}
