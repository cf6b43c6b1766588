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
        var price = prices.Get(config.Answer.GenerationModel);
        return new ScoringOptions
        {
            Eval = config.Eval,
            Embedder = embedder,
            CostOf = usage => (double)CostCalculator.Cost(usage, price),
            GenerationModel = config.Answer.GenerationModel,
            Tokenizer = TokenCounter.ForModel(config.Answer.GenerationModel).Encoding,
            PriceTableVersion = prices.Version,
            Currency = prices.Currency,
        };
    }
}
