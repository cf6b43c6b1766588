using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Tests.Statistics;

public sealed class PairedTestTests
{
    private static readonly double[] Baseline = Enumerable.Range(0, 30).Select(i => 0.4 + 0.01 * (i % 7)).ToArray();

    [Fact]
    public void Randomization_IdenticalSamples_PIsOne() =>
        Assert.Equal(1.0, PairedTest.Randomization(Baseline, Baseline, 999, 42));

    [Fact]
    public void Randomization_BigConsistentShiftOnThirtyPairs_PBelowOnePercent()
    {
        var candidate = Baseline.Select((b, i) => b + 0.2 + 0.01 * (i % 3)).ToArray();

        var p = PairedTest.Randomization(Baseline, candidate, 9999, 42);

        // All 30 signs agree: only the 2 all-same-sign flips reach it, so p is about (1 + 10^4 · 2^-29) / 10^4.
        Assert.True(p < 0.01, $"p = {p}");
        Assert.Equal(1.0 / 10000, p, 6);
    }

    [Fact]
    public void OneSidedWorse_IdenticalSamples_PIsOne() =>
        Assert.Equal(1.0, PairedTest.OneSidedWorse(Baseline, Baseline, higherIsBetter: true, 999, 42));

    [Fact]
    public void OneSidedWorse_ConsistentDrop_SmallPAndImprovementNearOne()
    {
        var worse = Baseline.Select((b, i) => b - 0.2 - 0.01 * (i % 3)).ToArray();

        Assert.Equal(1.0 / 10000, PairedTest.OneSidedWorse(Baseline, worse, higherIsBetter: true, 9999, 42), 6);
        Assert.Equal(1.0, PairedTest.OneSidedWorse(worse, Baseline, higherIsBetter: true, 9999, 42));
    }

    [Fact]
    public void OneSidedWorse_LowerIsBetter_ARiseIsWorse()
    {
        var higher = Baseline.Select(b => b + 0.2).ToArray();

        Assert.True(PairedTest.OneSidedWorse(Baseline, higher, higherIsBetter: false, 999, 42) < 0.01);
        Assert.Equal(1.0, PairedTest.OneSidedWorse(Baseline, higher, higherIsBetter: true, 999, 42));
    }

    [Fact]
    public void Randomization_SameSeed_SamePValue()
    {
        var candidate = Baseline.Select((b, i) => b + (i % 2 == 0 ? 0.05 : -0.04)).ToArray();

        var first = PairedTest.Randomization(Baseline, candidate, 2000, 5);

        Assert.Equal(first, PairedTest.Randomization(Baseline, candidate, 2000, 5));
        Assert.InRange(first, 0.0005, 1.0);
    }

    [Fact]
    public void BootstrapDeltaInterval_ShiftByPointTwo_BracketsPointTwo()
    {
        var candidate = Baseline.Select((b, i) => b + 0.2 + (i % 2 == 0 ? 0.02 : -0.02)).ToArray();

        var interval = PairedTest.BootstrapDeltaInterval(Baseline, candidate, 2000, 0.95, 9);

        Assert.True(interval.Contains(0.2) && interval.Lower > 0.19 && interval.Upper < 0.21, interval.ToString());
    }

    [Fact]
    public void WinTieLoss_MixedDeltas_CountsEachOutcome()
    {
        double[] baseline = [0.5, 0.5, 0.5, 0.5, 0.5];
        double[] candidate = [0.7, 0.5005, 0.2, 0.5, 0.6];

        Assert.Equal(new WinTieLossCounts(2, 2, 1), PairedTest.WinTieLoss(baseline, candidate, 0.001));
    }

    [Fact]
    public void Randomization_UnequalLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => PairedTest.Randomization([1, 2], [1], 10, 1));
}
