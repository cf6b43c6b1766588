using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Cost;

/// <summary>Turns token usage into money with a model's list price.</summary>
public static class CostCalculator
{
    private const decimal TokensPerMillion = 1_000_000m;

    /// <summary>
    /// The cost of one answer: prompt tokens at the input price plus completion tokens at the
    /// output price. Context tokens are part of the prompt, so they are not billed twice.
    /// </summary>
    public static decimal Cost(TokenUsage usage, ModelPrice price)
    {
        ArgumentNullException.ThrowIfNull(usage);
        ArgumentNullException.ThrowIfNull(price);
        return (usage.PromptTokens * price.InputPerMillion / TokensPerMillion)
            + (usage.CompletionTokens * price.OutputPerMillion / TokensPerMillion);
    }

    /// <summary>The cost of 1,000 queries that each cost <paramref name="costPerQuery"/>.</summary>
    public static decimal PerThousandQueries(decimal costPerQuery) => costPerQuery * 1000m;
}
