using Microsoft.Extensions.AI;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Cost;
using RagGate.Evaluation.Scoring;

namespace RagGate.Cli.Evaluating;

/// <summary>Scoring options from a config: markers, the embedder for answer metrics, tokenizer and prices.</summary>
internal static class ScoringSetup
{
    public static ScoringOptions Create(RagGateConfig config, IEmbeddingGenerator<string, Embedding<float>>? embedder)
    {
        var prices = PriceTable.Load(config.Eval.Prices);
        // The price is looked up at the first answered query: a retrieval-only run (a TREC import) needs none.
        var price = new Lazy<ModelPrice>(() => prices.Get(config.Answer.GenerationModel));
        return new ScoringOptions
        {
            Eval = config.Eval,
            Embedder = embedder,
            CostOf = usage => (double)CostCalculator.Cost(usage, price.Value),
            GenerationModel = config.Answer.GenerationModel,
            Tokenizer = TokenCounter.EncodingFor(config.Answer.GenerationModel) ?? "none",
            PriceTableVersion = prices.Version,
            Currency = prices.Currency,
        };
    }
}
