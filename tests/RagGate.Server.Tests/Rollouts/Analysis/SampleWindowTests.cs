using RagGate.Server.Rollouts.Analysis;
using RagGate.Server.Rollouts.Spec;
using static RagGate.Server.Tests.Rollouts.Analysis.JudgeData;

namespace RagGate.Server.Tests.Rollouts.Analysis;

public sealed class SampleWindowTests
{
    private static readonly DateTimeOffset Since = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly JudgeSettings Judge = new() { MinSamples = 30, MaxSampleWait = TimeSpan.FromSeconds(20) };

    private static TimeSpan Wait(double secondsSince, int control, int canary) =>
        SampleWindow.Wait(Since, Interval, Since.AddSeconds(secondsSince), Window(Traffic(control, 0, 50, 1), Traffic(canary, 0, 50, 2)), Judge);

    [Fact]
    public void Wait_BeforeTheInterval_WaitsForTheIntervalWhateverTheCounts()
    {
        Assert.Equal(TimeSpan.FromSeconds(4), Wait(6, 500, 500));
    }

    [Fact]
    public void Wait_IntervalOverWithMinSamplesOnBoth_ReadyNow()
    {
        Assert.Equal(TimeSpan.Zero, Wait(10, 30, 30));
    }

    [Theory]
    [InlineData(10, 300, 12)]
    [InlineData(10, 12, 300)]
    [InlineData(29.5, 300, 29)]
    public void Wait_TooFewSamplesBeforeTheCap_ExtendsTheWindow(double secondsSince, int control, int canary)
    {
        var wait = Wait(secondsSince, control, canary);

        Assert.True(wait > TimeSpan.Zero && wait <= SampleWindow.Poll, wait.ToString());
        Assert.True(Since.AddSeconds(secondsSince) + wait <= Since + Interval + Judge.MaxSampleWait);
    }

    [Fact]
    public void Wait_TooFewSamplesAtTheCap_ReadyNowAndTheJudgeCallsItInconclusive()
    {
        var window = Window(Traffic(300, 0, 50, 1), Traffic(12, 12, 50, 2));

        var wait = SampleWindow.Wait(Since, Interval, Since.AddSeconds(30), window, Judge);
        var measurement = new CanaryJudge(Judge, TimeProvider.System).Judge(Metric(MeasureKind.Errors), window);

        Assert.Equal(TimeSpan.Zero, wait);
        Assert.Equal(AnalysisPhase.Inconclusive, measurement.Phase);
    }

    [Fact]
    public void Wait_NoExtensionAllowed_ReadyWhenTheIntervalIsOver()
    {
        var judge = Judge with { MaxSampleWait = TimeSpan.Zero };

        Assert.Equal(TimeSpan.Zero, SampleWindow.Wait(Since, Interval, Since + Interval, Window(Traffic(0, 0, 50, 1), Traffic(0, 0, 50, 2)), judge));
    }
}
