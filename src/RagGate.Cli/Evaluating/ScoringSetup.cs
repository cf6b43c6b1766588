using Microsoft.Extensions.AI;
using RagGate.Engine.Configuration;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Cost;
using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Tokens;

namespace RagGate.Cli.Evaluating;

/// <summary>Scoring options from a config: markers, the embedder for answer metrics, tokenizer and prices.</summary>
internal static class ScoringSetup
{
    // The answer metrics that are measured with the embedding model.
    private static readonly string[] EmbeddingMetrics = [MetricCatalog.Groundedness, MetricCatalog.AnswerRelevance];

    /// <summary>
    /// True when answers are scored with the embedding model as well: always, except for a BM25-only
    /// config that gates no metric measured with it. Such a config never loads the model, so its report
    /// has no groundedness (semantic) or answer_relevance; gating either loads it for scoring.
    /// </summary>
    public static bool NeedsEmbedder(RagGateConfig config) =>
        config.Engine.NeedsEmbeddingModel
        || config.Evaluation.Gates.Any(g => EmbeddingMetrics.Contains(g.Metric, StringComparer.Ordinal))
        || config.Evaluation.Regressions.Any(r => EmbeddingMetrics.Contains(r.Metric, StringComparer.Ordinal));

    public static ScoringOptions Create(EvaluationConfig config, IEmbeddingGenerator<string, Embedding<float>>? embedder)
    {
        var prices = PriceTable.Load(config.Eval.Prices);
        // The price is looked up at the first answered query: a retrieval-only run (a TREC import) needs none.
        var price = new Lazy<ModelPrice>(() => prices.Get(config.GenerationModel));
        return new ScoringOptions
        {
            Eval = config.Eval,
            Embedder = embedder,
            CostOf = usage => (double)CostCalculator.Cost(usage, price.Value),
            GenerationModel = config.GenerationModel,
            Tokenizer = TokenCounter.EncodingFor(config.GenerationModel) ?? "none",
            PriceTableVersion = prices.Version,
            Currency = prices.Currency,
        };
    }
}
