using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Runs;

namespace RagGate.Evaluation.Scoring;

/// <summary>Maps canonical retrieval metric names onto the trec_eval-exact functions.</summary>
internal static class RetrievalScorer
{
    /// <summary>Documents in trec_eval's order: score descending, ties by document id.</summary>
    public static IReadOnlyList<RankedDocument> RankDocuments(IReadOnlyList<RankedDocument> retrieved) =>
        retrieved.OrderBy(d => new ScoredDocument(d.Id, d.Score), TrecRanking.Comparer).ToList();

    /// <summary>Document ids in trec_eval's order.</summary>
    public static IReadOnlyList<string> Rank(IReadOnlyList<RankedDocument> retrieved) =>
        TrecRanking.RankedIds(retrieved);

    /// <summary>The value of one retrieval metric for one query.</summary>
    public static double Score(MetricInfo metric, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judgments) =>
        metric.BaseName switch
        {
            "recall" => RetrievalMetrics.Recall(ranked, judgments, metric.Cutoff!.Value),
            "precision" => RetrievalMetrics.Precision(ranked, judgments, metric.Cutoff!.Value),
            "ndcg" => RetrievalMetrics.NdcgAtK(ranked, judgments, metric.Cutoff!.Value),
            "mrr" => RetrievalMetrics.ReciprocalRank(ranked, judgments, metric.Cutoff),
            "map" => RetrievalMetrics.AveragePrecision(ranked, judgments, metric.Cutoff),
            "success" => RetrievalMetrics.Success(ranked, judgments, metric.Cutoff!.Value),
            _ => throw new ArgumentException($"not a retrieval metric: {metric.Name}", nameof(metric)),
        };
}
