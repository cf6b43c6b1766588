using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Tests.Statistics;

public sealed class MinimumDetectableEffectTests
{
    [Fact]
    public void Paired_KnownSpread_EqualsTheFormula()
    {
        double[] deltas = [0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1, -0.1, 0.1, -0.1];
        var sd = Math.Sqrt(10 * 0.01 / 9);
        var expected = (1.959963984540054 + 0.8416212335729143) * sd / Math.Sqrt(10);

        Assert.Equal(expected, MinimumDetectableEffect.Paired(deltas), 8);
    }

    [Fact]
    public void Paired_MoreQueries_SmallerEffect()
    {
        var ten = Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? 0.2 : -0.2).ToArray();
        var hundred = Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? 0.2 : -0.2).ToArray();

        Assert.True(MinimumDetectableEffect.Paired(hundred) < MinimumDetectableEffect.Paired(ten) / 3);
        Assert.Equal(double.PositiveInfinity, MinimumDetectableEffect.Paired([0.3]));
    }

    [Fact]
    public void PassRate_HalfOverHundred_EqualsTheFormula() =>
        Assert.Equal((1.959963984540054 + 0.8416212335729143) * 0.05, MinimumDetectableEffect.PassRate(0.5, 100), 8);
}
