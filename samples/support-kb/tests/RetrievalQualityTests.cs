using RagGate.Testing;

namespace SupportKb.QualityTests;

/// <summary>Retrieval quality, as the reference pipeline's <c>TestRetrievalQuality</c>, on RagGate's own metrics.</summary>
[Collection(SupportKbCollection.Name)]
public sealed class RetrievalQualityTests(SupportKbFixture kb)
{
    [Fact]
    public void RecallAt10_IsAtLeast85Percent() => RagAssert.RecallAtK(kb.Run, 10, atLeast: 0.85);

    // The reference asserts every keyword; with chunked retrieval a keyword can sit in a chunk that is not the
    // best one, so the sample gates the share, as raggate.yaml does.
    [Fact]
    public void KeywordCoverage_TopFiveDocumentsHoldMostExpectedKeywords() => RagAssert.KeywordCoverage(kb.Run, atLeast: 0.7);

    [Fact]
    public void NdcgAt10_IsAtLeast60Percent() => RagAssert.NdcgAtK(kb.Run, 10, atLeast: 0.6);
}
