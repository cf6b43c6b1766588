using RagGate.Evaluation.Metrics;

namespace RagGate.Evaluation.Tests.Metrics;

public sealed class RetrievalMetricNamesTests
{
    [Theory]
    [InlineData("recall@10", "recall@10", RetrievalMetricKind.Recall, 10, "recall_10")]
    [InlineData("precision@5", "precision@5", RetrievalMetricKind.Precision, 5, "P_5")]
    [InlineData("p@5", "precision@5", RetrievalMetricKind.Precision, 5, "P_5")]
    [InlineData("NDCG@10", "ndcg@10", RetrievalMetricKind.Ndcg, 10, "ndcg_cut_10")]
    [InlineData("mrr", "mrr", RetrievalMetricKind.ReciprocalRank, null, "recip_rank")]
    [InlineData("mrr@10", "mrr@10", RetrievalMetricKind.ReciprocalRank, 10, "recip_rank (-M 10)")]
    [InlineData("map", "map", RetrievalMetricKind.AveragePrecision, null, "map")]
    [InlineData("map@10", "map@10", RetrievalMetricKind.AveragePrecision, 10, "map_cut_10")]
    [InlineData("success@10", "success@10", RetrievalMetricKind.Success, 10, "success_10")]
    [InlineData("hit_rate@10", "success@10", RetrievalMetricKind.Success, 10, "success_10")]
    public void Parse_KnownName_GivesCanonicalMetric(string name, string canonical, RetrievalMetricKind kind, int? cutoff, string trecName)
    {
        var metric = RetrievalMetricNames.Parse(name);

        Assert.Equal(canonical, metric.Name);
        Assert.Equal(kind, metric.Kind);
        Assert.Equal(cutoff, metric.Cutoff);
        Assert.Equal(trecName, metric.TrecEvalName);
    }

    [Theory]
    [InlineData("recall", "needs a cutoff")]
    [InlineData("recall@0", "positive whole number")]
    [InlineData("ndcg@ten", "positive whole number")]
    [InlineData("f1@10", "unknown retrieval metric")]
    public void TryParse_BadName_ExplainsWhatIsExpected(string name, string explanation)
    {
        Assert.False(RetrievalMetricNames.TryParse(name, out var metric, out var error));
        Assert.Null(metric);
        Assert.Contains(explanation, error, StringComparison.Ordinal);
        Assert.False(RetrievalMetricNames.IsRetrievalMetric(name));
    }

    [Fact]
    public void Evaluate_ParsedMetric_CallsTheMatchingFunction()
    {
        string[] ranked = ["x", "a", "b"];
        var judgments = new Dictionary<string, int> { ["a"] = 2, ["b"] = 1, ["c"] = 1 };

        Assert.Equal(RetrievalMetrics.NdcgAtK(ranked, judgments, 3), RetrievalMetricNames.Parse("ndcg@3").Evaluate(ranked, judgments));
        Assert.Equal(RetrievalMetrics.ReciprocalRank(ranked, judgments, 1), RetrievalMetricNames.Parse("mrr@1").Evaluate(ranked, judgments));
        Assert.Equal(RetrievalMetrics.AveragePrecision(ranked, judgments), RetrievalMetricNames.Parse("map").Evaluate(ranked, judgments));
        Assert.Equal(2.0 / 3, RetrievalMetricNames.Parse("recall@3").Evaluate(ranked, judgments), 12);
    }
}
