using RagGate.Evaluation.Cost;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Tests.Cost;

public sealed class CostCalculatorTests
{
    [Fact]
    public void Cost_PromptAndCompletion_BilledAtTheirOwnPrices()
    {
        var price = new ModelPrice("m", InputPerMillion: 0.15m, OutputPerMillion: 0.60m);
        var usage = new TokenUsage(PromptTokens: 1_200, CompletionTokens: 300, ContextTokens: 900);

        var cost = CostCalculator.Cost(usage, price);

        // 1,200 × 0.15 / 1e6 + 300 × 0.60 / 1e6 = 0.00018 + 0.00018; context tokens are inside the prompt.
        Assert.Equal(0.00036m, cost);
    }

    [Fact]
    public void Cost_OneMillionEach_IsSumOfListPrices()
    {
        var price = new ModelPrice("m", 2.50m, 10.00m);

        Assert.Equal(12.50m, CostCalculator.Cost(new TokenUsage(1_000_000, 1_000_000, 0), price));
    }

    [Fact]
    public void Cost_FreeModel_IsZero()
    {
        var price = PriceTable.Default.Get("extractive");

        Assert.Equal(0m, CostCalculator.Cost(new TokenUsage(5_000, 200, 4_000), price));
    }

    [Fact]
    public void PerThousandQueries_Cost_ScalesByThousand()
    {
        Assert.Equal(0.36m, CostCalculator.PerThousandQueries(0.00036m));
    }
}
