using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Tests.Statistics;

public sealed class PercentileTests
{
    [Fact]
    public void NearestRank_NineteenSamples_P95IsTheMaximum()
    {
        var values = Enumerable.Range(1, 19).Select(i => (double)i).Reverse().ToArray();

        Assert.Equal(19, Percentile.NearestRank(values, 95));
        Assert.True(Percentile.IsMaximum(19, 95));
    }

    [Fact]
    public void NearestRank_TwentySamples_P95IsTheNineteenth()
    {
        var values = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();

        Assert.Equal(19, Percentile.NearestRank(values, 95));
        Assert.False(Percentile.IsMaximum(20, 95));
    }

    [Theory]
    [InlineData(50, 3)]
    [InlineData(99, 5)]
    [InlineData(1, 1)]
    public void NearestRank_FiveSamples_TakesTheCeilingRank(double p, double expected) =>
        Assert.Equal(expected, Percentile.NearestRank([5, 1, 4, 2, 3], p));

    [Fact]
    public void NearestRank_NoValues_Throws() =>
        Assert.Throws<ArgumentException>(() => Percentile.NearestRank([], 50));
}
