namespace RagGate.Evaluation.Metrics;

/// <summary>The retrieval metric families RagGate computes.</summary>
public enum RetrievalMetricKind
{
    /// <summary><c>recall@k</c>.</summary>
    Recall,

    /// <summary><c>precision@k</c> (alias <c>p@k</c>).</summary>
    Precision,

    /// <summary><c>ndcg@k</c>.</summary>
    Ndcg,

    /// <summary><c>mrr</c> or <c>mrr@k</c>.</summary>
    ReciprocalRank,

    /// <summary><c>map</c> or <c>map@k</c>.</summary>
    AveragePrecision,

    /// <summary><c>success@k</c> (alias <c>hit_rate@k</c>).</summary>
    Success,
}
