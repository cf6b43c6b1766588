using Xunit.Abstractions;

namespace RagGate.Evaluation.Tests.Statistics;

/// <summary>The figures in docs/metrics.md ("Calibration, measured") come from these runs.</summary>
public sealed class CalibrationSimulationTests(ITestOutputHelper output)
{
    private const double Alpha = 0.05;
    private const int Trials = 1000;

    [Theory]
    [InlineData(300)]
    [InlineData(80)]
    public void OneSidedWorse_SystemAgainstItselfAndAgainstTheDetectableDrop_FalseAlarmsAtMostAlphaAndPowerAtLeastPointEight(int queries)
    {
        var figures = CalibrationSimulation.Run(queries, Trials, permutations: 1000, Alpha, seed: 2026);
        output.WriteLine($"n={figures.Queries} trials={figures.Trials} false-alarm rate={figures.FalseAlarmRate:0.000} power={figures.Power:0.000} mean detectable drop={figures.MeanDetectableDrop:0.0000}");

        // Two Monte Carlo standard errors of a rate over the trials.
        var alarmError = 2 * Math.Sqrt(Alpha * (1 - Alpha) / Trials);
        var powerError = 2 * Math.Sqrt(0.8 * 0.2 / Trials);
        Assert.True(figures.FalseAlarmRate <= Alpha + alarmError, $"false-alarm rate {figures.FalseAlarmRate}");
        Assert.True(figures.Power >= 0.8 - powerError, $"power {figures.Power}");
    }
}
