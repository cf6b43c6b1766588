using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Tests.Statistics;

public sealed class WilsonTests
{
    [Fact]
    public void Interval_EightOfTen_EqualsTheClosedForm()
    {
        const double z = 1.959963984540054; // the 97.5% normal quantile, from tables
        const double p = 0.8, n = 10;
        var center = (p + z * z / (2 * n)) / (1 + z * z / n);
        var half = z / (1 + z * z / n) * Math.Sqrt(p * (1 - p) / n + z * z / (4 * n * n));

        var interval = Wilson.Interval(8, 10, 0.95);

        Assert.Equal(center - half, interval.Lower, 7);
        Assert.Equal(center + half, interval.Upper, 7);
        Assert.Equal(0.4902, interval.Lower, 4);
        Assert.Equal(0.9433, interval.Upper, 4);
    }

    [Fact]
    public void Interval_AllPassed_UpperIsOneLowerBelowOne()
    {
        var interval = Wilson.Interval(20, 20, 0.95);

        Assert.Equal(1.0, interval.Upper, 12);
        Assert.InRange(interval.Lower, 0.83, 0.84);
    }

    [Fact]
    public void Interval_NoTrials_IsTheWholeRange() =>
        Assert.Equal(new ConfidenceInterval(0, 1), Wilson.Interval(0, 0, 0.95));

    [Fact]
    public void Interval_MoreSuccessesThanTrials_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Wilson.Interval(3, 2, 0.95));
}
