using Microsoft.Extensions.AI;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Scoring;

/// <summary>What the scorecard needs besides the run: settings, extra metrics, an embedder and prices.</summary>
public sealed record ScoringOptions
{
    /// <summary>Retrieval metrics always shown.</summary>
    public static readonly IReadOnlyList<string> DefaultRetrievalMetrics =
        ["recall@5", "recall@10", "ndcg@10", "mrr@10", "map@10", "precision@5", "success@1"];

    /// <summary>Evaluation settings (markers, keyword depth, bootstrap, seed).</summary>
    public EvalSettings Eval { get; init; } = new();

    /// <summary>Retrieval metrics to compute (gate and regression metrics are added to these).</summary>
    public IReadOnlyList<string> RetrievalMetrics { get; init; } = DefaultRetrievalMetrics;

    /// <summary>Embeds answers, queries and context sentences for answer relevance and groundedness; null skips them.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder { get; init; }

    /// <summary>Cost of one query's usage in the price table's currency.</summary>
    public Func<TokenUsage, double> CostOf { get; init; } = _ => 0;

    /// <summary>The generation model whose prices apply.</summary>
    public string GenerationModel { get; init; } = "";

    /// <summary>The tokenizer that counted tokens.</summary>
    public string Tokenizer { get; init; } = "";

    /// <summary>Version of the price table.</summary>
    public string PriceTableVersion { get; init; } = "";

    /// <summary>Currency of the price table.</summary>
    public string Currency { get; init; } = "USD";
}
