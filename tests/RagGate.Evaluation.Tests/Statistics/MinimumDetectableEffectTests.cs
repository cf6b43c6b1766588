using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Tests.Statistics;

public sealed class MinimumDetectableEffectTests
{
    private const double Z95 = 1.6448536269514722;
    private const double Z80 = 0.8416212335729143;

    [Fact]
    public void OneSidedDrop_KnownSpread_SolvesTheSignFlipPowerEquation()
    {
        double[] values = [0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1];
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));

        var d = MinimumDetectableEffect.OneSidedDrop(values, 0.05);

        // d·sqrt(n) = z_power·sd + z_(1-alpha)·sqrt(sd² + d²)
        Assert.Equal(d * Math.Sqrt(values.Length), Z80 * sd + Z95 * Math.Sqrt(sd * sd + d * d), 6);
        Assert.True(d > (Z95 + Z80) * sd / Math.Sqrt(values.Length));
    }

    [Fact]
    public void OneSidedDrop_ManyQueries_ApproachesTheTextbookFormula()
    {
        var d = MinimumDetectableEffect.OneSidedDrop(0.4, 1_000_000, 0.05);

        Assert.Equal((Z95 + Z80) * 0.4 / 1000, d, 6);
    }

    [Fact]
    public void OneSidedDrop_OneQuery_IsInfinite() =>
        Assert.Equal(double.PositiveInfinity, MinimumDetectableEffect.OneSidedDrop([0.3], 0.05));

    [Fact]
    public void QueriesNeeded_SmallestCountWhoseDropFits()
    {
        var n = MinimumDetectableEffect.QueriesNeeded(0.4, unitRange: true, 0.02, 0.05)!.Value;

        Assert.True(MinimumDetectableEffect.ReportedDrop(0.4, n, unitRange: true, 0.05) <= 0.02);
        Assert.True(MinimumDetectableEffect.ReportedDrop(0.4, n - 1, unitRange: true, 0.05) > 0.02);
        Assert.InRange(n, 2400, 2600);
    }

    [Fact]
    public void QueriesNeeded_NoSpreadOutsideUnitRange_IsNull() =>
        Assert.Null(MinimumDetectableEffect.QueriesNeeded(0, unitRange: false, 0.02, 0.05));

    [Fact]
    public void AllOrNothingDrop_SolvesItsPowerEquation()
    {
        var d = MinimumDetectableEffect.AllOrNothingDrop(80, 0.05);

        Assert.Equal(Math.Sqrt(d * 80), Z95 + Z80 * Math.Sqrt(1 - d), 6);
        Assert.InRange(d, 0.07, 0.08);
    }

    [Fact]
    public void ReportedDrop_NearCeilingRatio_IsAtLeastTheAllOrNothingDrop()
    {
        // 79 of 80 queries perfect: the spread alone would promise to see a drop of about 0.03.
        var values = Enumerable.Repeat(1.0, 79).Append(0.0).ToArray();

        var reported = MinimumDetectableEffect.ReportedDrop(values, unitRange: true, 0.05);

        Assert.True(MinimumDetectableEffect.OneSidedDrop(values, 0.05) < 0.04);
        Assert.Equal(MinimumDetectableEffect.AllOrNothingDrop(80, 0.05), reported, 12);
    }

    [Fact]
    public void PassRate_HalfOverHundred_EqualsTheFormula() =>
        Assert.Equal((1.959963984540054 + Z80) * 0.05, MinimumDetectableEffect.PassRate(0.5, 100), 8);
}
