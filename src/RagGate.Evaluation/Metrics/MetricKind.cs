namespace RagGate.Evaluation.Metrics;

/// <summary>The family a metric belongs to.</summary>
public enum MetricKind
{
    /// <summary>Ranking quality against the golden judgments (trec_eval semantics).</summary>
    Retrieval,

    /// <summary>Quality of the answer and its context.</summary>
    Answer,

    /// <summary>Time.</summary>
    Latency,

    /// <summary>Tokens and money.</summary>
    Cost,
}
