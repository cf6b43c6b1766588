using System.Globalization;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Tests.Fixtures;

namespace RagGate.Evaluation.Tests.Metrics;

public sealed class RetrievalMetricsTests
{
    private static readonly string[] Ranked = ["d1", "d2", "d3", "d4"];
    private static readonly Dictionary<string, int> Judged = new() { ["d2"] = 1, ["d4"] = 2, ["d9"] = 1, ["d3"] = 0 };

    [Theory]
    [InlineData("scifact-bm25", "expected.txt", null)]
    [InlineData("edge-cases", "expected.txt", null)]
    [InlineData("scifact-bm25", "expected-mrr-at-10.txt", 10)]
    [InlineData("edge-cases", "expected-mrr-at-10.txt", 10)]
    public void Functions_FixtureQueries_EqualTrecEvalPerQueryValues(string folder, string expectedFile, int? mrrCutoff)
    {
        var qrels = TrecQrels.ReadTrec(FixturePath.TrecEval(folder, "qrels.txt"));
        var run = TrecRunFile.ReadScores(FixturePath.TrecEval(folder, "run.trec"));
        var compared = 0;
        foreach (var line in File.ReadLines(FixturePath.TrecEval(folder, expectedFile)))
        {
            var parts = line.Split('\t');
            var (measure, qid, expected) = (parts[0].Trim(), parts[1], parts[2]);
            if (qid == "all")
                continue;
            var ranked = run.Queries.TryGetValue(qid, out var docs) ? TrecRanking.RankedIds(docs) : [];
            var actual = Compute(measure, ranked, qrels[qid], mrrCutoff).ToString("F4", CultureInfo.InvariantCulture);
            Assert.True(expected == actual, $"{folder} {measure} {qid}: trec_eval {expected}, ours {actual}");
            compared++;
        }
        Assert.True(compared >= 40, $"only {compared} lines compared");
    }

    [Fact]
    public void Functions_HandWorkedExample_GiveTheTextbookValues()
    {
        Assert.Equal(1.0 / 3, RetrievalMetrics.Recall(Ranked, Judged, 2), 12);
        Assert.Equal(1.0, RetrievalMetrics.Recall(Ranked, Judged, 4) * 3 / 2, 12);
        Assert.Equal(0.5, RetrievalMetrics.Precision(Ranked, Judged, 2), 12);
        Assert.Equal(0.2, RetrievalMetrics.Precision(Ranked, Judged, 10), 12);
        Assert.Equal(0.5, RetrievalMetrics.ReciprocalRank(Ranked, Judged), 12);
        Assert.Equal(0.0, RetrievalMetrics.ReciprocalRank(Ranked, Judged, cutoff: 1), 12);
        Assert.Equal((1.0 / 2 + 2.0 / 4) / 3, RetrievalMetrics.AveragePrecision(Ranked, Judged), 12);
        Assert.Equal(0.5 / 3, RetrievalMetrics.AveragePrecision(Ranked, Judged, cutoff: 3), 12);
        Assert.Equal(0.0, RetrievalMetrics.Success(Ranked, Judged, 1), 12);
        Assert.Equal(1.0, RetrievalMetrics.Success(Ranked, Judged, 2), 12);
        var dcg = 1 / Math.Log2(3) + 2 / Math.Log2(5);
        var ideal = 2 / Math.Log2(2) + 1 / Math.Log2(3) + 1 / Math.Log2(4);
        Assert.Equal(dcg / ideal, RetrievalMetrics.NdcgAtK(Ranked, Judged, 4), 12);
        Assert.Equal(0.0, RetrievalMetrics.NdcgAtK(Ranked, Judged, 1), 12);
    }

    [Fact]
    public void Functions_RepeatedId_CountsOnlyAtItsFirstRank()
    {
        var judgments = new Dictionary<string, int> { ["a"] = 1, ["b"] = 1 };

        Assert.Equal(1.0, RetrievalMetrics.Precision(["a", "a", "b"], judgments, 2), 12);
        Assert.Equal(1.0, RetrievalMetrics.Recall(["a", "a", "b"], judgments, 2), 12);
    }

    [Fact]
    public void Functions_NoRelevantJudgment_ScoreZero()
    {
        var none = new Dictionary<string, int> { ["d1"] = 0 };

        Assert.Equal(0.0, RetrievalMetrics.Recall(Ranked, none, 10));
        Assert.Equal(0.0, RetrievalMetrics.NdcgAtK(Ranked, none, 10));
        Assert.Equal(0.0, RetrievalMetrics.AveragePrecision(Ranked, none));
        Assert.Equal(0.0, RetrievalMetrics.ReciprocalRank(Ranked, new Dictionary<string, int>()));
    }

    [Fact]
    public void Precision_ZeroCutoff_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrievalMetrics.Precision(Ranked, Judged, 0));

    private static double Compute(string measure, string[] ranked, Dictionary<string, int> judgments, int? mrrCutoff)
    {
        if (measure == "map")
            return RetrievalMetrics.AveragePrecision(ranked, judgments);
        if (measure == "recip_rank")
            return RetrievalMetrics.ReciprocalRank(ranked, judgments, mrrCutoff);
        var cut = measure.LastIndexOf('_');
        var k = int.Parse(measure[(cut + 1)..], CultureInfo.InvariantCulture);
        return measure[..cut] switch
        {
            "P" => RetrievalMetrics.Precision(ranked, judgments, k),
            "recall" => RetrievalMetrics.Recall(ranked, judgments, k),
            "ndcg_cut" => RetrievalMetrics.NdcgAtK(ranked, judgments, k),
            "map_cut" => RetrievalMetrics.AveragePrecision(ranked, judgments, k),
            "success" => RetrievalMetrics.Success(ranked, judgments, k),
            _ => throw new InvalidOperationException(measure),
        };
    }
}
