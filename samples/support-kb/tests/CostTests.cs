using RagGate.Testing;

namespace SupportKb.QualityTests;

/// <summary>Token budgets, as the reference pipeline's <c>TestCostEstimation</c>, with the real tokenizer instead of words x 1.3.</summary>
[Collection(SupportKbCollection.Name)]
public sealed class CostTests(SupportKbFixture kb)
{
    [Fact]
    public void AverageTokensPerQuery_StaysUnder3000() => RagAssert.TokensPerQuery(kb.Run, atMost: 3000);

    [Fact]
    public void Context_IsUnder4000Tokens() => RagAssert.ContextTokens(kb.Run, atMost: 4000);
}
