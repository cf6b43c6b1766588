using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Tests.Statistics;

public sealed class MannWhitneyTests
{
    private static readonly double[] Slow = [12, 15, 11, 19, 14, 18, 16, 17, 13, 20];
    private static readonly double[] Fast = [10, 9, 11, 12, 8, 13, 7, 14, 10, 9];

    // Expected values: the same normal approximation computed independently with Python's math.erfc; they equal
    // R's wilcox.test(a, b, alternative = "greater", exact = FALSE, correct = TRUE).
    [Fact]
    public void OneSidedGreater_LargerSample_SmallP()
    {
        var result = MannWhitney.OneSidedGreater(Slow, Fast);

        Assert.Equal(92.0, result.U);
        Assert.Equal(3.144205335268727, result.Z, 9);
        Assert.Equal(0.0008326926908443563, result.PValue, 6);
    }

    [Fact]
    public void OneSidedGreater_SmallerSample_PNearOne() =>
        Assert.Equal(0.999358978415723, MannWhitney.OneSidedGreater(Fast, Slow).PValue, 6);

    [Fact]
    public void OneSidedGreater_Ties_MidRanksAndTieCorrection()
    {
        var result = MannWhitney.OneSidedGreater([1, 2, 2, 3, 3, 3], [2, 3, 4, 4, 5]);

        Assert.Equal(5.5, result.U);
        Assert.Equal(-1.891358181931102, result.Z, 9);
        Assert.Equal(0.970711726568604, result.PValue, 6);
    }

    [Fact]
    public void OneSidedGreater_AllTied_PIsOne() => Assert.Equal(1.0, MannWhitney.OneSidedGreater([5, 5, 5], [5, 5]).PValue);

    [Fact]
    public void OneSidedGreater_EmptySample_Throws() =>
        Assert.Throws<ArgumentException>(() => MannWhitney.OneSidedGreater([], [1.0]));
}
