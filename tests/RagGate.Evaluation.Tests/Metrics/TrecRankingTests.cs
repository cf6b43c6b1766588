using System.Text;
using RagGate.Evaluation.Runs;

namespace RagGate.Evaluation.Tests.Metrics;

public sealed class TrecRankingTests
{
    [Fact]
    public void RankedIds_TiedScores_HigherIdFirst()
    {
        ScoredDocument[] documents = [new("d1", 1.0), new("d3", 2.0), new("d2", 1.0), new("d0", 3.0)];

        Assert.Equal(["d0", "d3", "d2", "d1"], TrecRanking.RankedIds(documents));
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("ab", "abc")]
    [InlineData("\uFFFD", "\U0001F600")]
    [InlineData("Z", "a")]
    public void CompareIds_AnyPair_AgreesWithUtf8ByteOrder(string smaller, string larger)
    {
        var bytes = Encoding.UTF8.GetBytes(smaller).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(larger));

        Assert.True(bytes < 0);
        Assert.True(TrecRanking.CompareIds(smaller, larger) < 0);
        Assert.True(TrecRanking.CompareIds(larger, smaller) > 0);
    }
}
