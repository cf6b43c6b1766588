using System.Globalization;

namespace RagGate.Evaluation.Metrics;

/// <summary>A parsed retrieval metric such as <c>recall@10</c>: its canonical name, family and cutoff.</summary>
/// <param name="Name">The canonical RagGate name (<c>recall@10</c>, <c>precision@5</c>, <c>mrr</c>...).</param>
/// <param name="Kind">The metric family.</param>
/// <param name="Cutoff">The rank cutoff, or null for uncut <c>mrr</c> and <c>map</c>.</param>
public sealed record RetrievalMetric(string Name, RetrievalMetricKind Kind, int? Cutoff)
{
    /// <summary>The same number as trec_eval prints it: measure and value name, plus <c>-M</c> where trec_eval needs it (<c>mrr@10</c> is <c>-M 10 -m recip_rank</c>).</summary>
    public string TrecEvalName => Kind switch
    {
        RetrievalMetricKind.Recall => $"recall_{CutoffText}",
        RetrievalMetricKind.Precision => $"P_{CutoffText}",
        RetrievalMetricKind.Ndcg => $"ndcg_cut_{CutoffText}",
        RetrievalMetricKind.ReciprocalRank => Cutoff is null ? "recip_rank" : $"recip_rank (-M {CutoffText})",
        RetrievalMetricKind.AveragePrecision => Cutoff is null ? "map" : $"map_cut_{CutoffText}",
        RetrievalMetricKind.Success => $"success_{CutoffText}",
        _ => Name,
    };

    /// <summary>Scores one query's ranking (best first) against its judgments.</summary>
    public double Evaluate(IReadOnlyList<string> rankedIds, IReadOnlyDictionary<string, int> judgments) => Kind switch
    {
        RetrievalMetricKind.Recall => RetrievalMetrics.Recall(rankedIds, judgments, Cutoff!.Value),
        RetrievalMetricKind.Precision => RetrievalMetrics.Precision(rankedIds, judgments, Cutoff!.Value),
        RetrievalMetricKind.Ndcg => RetrievalMetrics.NdcgAtK(rankedIds, judgments, Cutoff!.Value),
        RetrievalMetricKind.ReciprocalRank => RetrievalMetrics.ReciprocalRank(rankedIds, judgments, Cutoff),
        RetrievalMetricKind.AveragePrecision => RetrievalMetrics.AveragePrecision(rankedIds, judgments, Cutoff),
        RetrievalMetricKind.Success => RetrievalMetrics.Success(rankedIds, judgments, Cutoff!.Value),
        _ => throw new InvalidOperationException($"{Name} has no implementation"),
    };

    /// <summary>The canonical name.</summary>
    public override string ToString() => Name;

    private string CutoffText => Cutoff?.ToString(CultureInfo.InvariantCulture) ?? "";
}
