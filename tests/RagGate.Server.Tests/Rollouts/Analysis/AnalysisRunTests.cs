using Microsoft.Extensions.Time.Testing;
using RagGate.Server.Rollouts.Analysis;
using RagGate.Server.Rollouts.Spec;
using static RagGate.Server.Tests.Rollouts.Analysis.JudgeData;

namespace RagGate.Server.Tests.Rollouts.Analysis;

public sealed class AnalysisRunTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    private static MetricSpec Every10s(string name = "errors", int count = 3, int failureLimit = 0, int inconclusiveLimit = 0, int consecutiveErrorLimit = 4) =>
        Metric(MeasureKind.Errors, name: name) with
        {
            Interval = TimeSpan.FromSeconds(10),
            Count = count,
            FailureLimit = failureLimit,
            InconclusiveLimit = inconclusiveLimit,
            ConsecutiveErrorLimit = consecutiveErrorLimit,
        };

    private Measurement Measured(MetricSpec metric, AnalysisPhase phase) => new()
    {
        Metric = metric.Name,
        Measure = metric.Measure,
        Phase = phase,
        Reason = phase.ToString(),
        StartedAt = _time.GetUtcNow(),
        FinishedAt = _time.GetUtcNow(),
    };

    /// <summary>Records one measurement per phase, advancing the clock to each due time.</summary>
    private AnalysisRun Run(MetricSpec metric, params AnalysisPhase[] phases)
    {
        var run = new AnalysisRun([metric], _time);
        foreach (var phase in phases)
        {
            _time.Advance(run.NextDue() ?? throw new InvalidOperationException("the run completed early"));
            Assert.Equal([metric.Name], run.Due().Select(m => m.Name));
            run.Record(Measured(metric, phase));
        }
        return run;
    }

    [Fact]
    public void Record_CountReachedAllSuccessful_Successful()
    {
        var run = Run(Every10s(), AnalysisPhase.Successful, AnalysisPhase.Successful, AnalysisPhase.Successful);

        Assert.Equal(AnalysisPhase.Successful, run.Phase);
        Assert.Null(run.NextDue());
        Assert.Empty(run.Due());
    }

    [Fact]
    public void Record_OneNoisyIntervalWithFailureLimit1_DoesNotRollBack()
    {
        var run = Run(Every10s(failureLimit: 1), AnalysisPhase.Failed, AnalysisPhase.Successful, AnalysisPhase.Successful);

        Assert.Equal(AnalysisPhase.Successful, run.Phase);
    }

    [Fact]
    public void Record_FailuresAboveFailureLimit_FailedAtOnce()
    {
        var run = Run(Every10s(count: 5, failureLimit: 1), AnalysisPhase.Failed, AnalysisPhase.Failed);

        Assert.Equal(AnalysisPhase.Failed, run.Phase);
        Assert.Empty(run.Due());
        Assert.StartsWith("metric 'errors' (errors) failed (2 failed, 0 inconclusive, 0 errors of 2)", run.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_DefaultFailureLimitZero_FirstFailureFails()
    {
        var run = Run(Every10s(), AnalysisPhase.Failed);

        Assert.Equal(AnalysisPhase.Failed, run.Phase);
    }

    [Fact]
    public void Record_InconclusiveAboveLimit_Inconclusive()
    {
        Assert.Equal(AnalysisPhase.Successful, Run(Every10s(inconclusiveLimit: 1), AnalysisPhase.Inconclusive, AnalysisPhase.Successful, AnalysisPhase.Successful).Phase);
        Assert.Equal(AnalysisPhase.Inconclusive, Run(Every10s(inconclusiveLimit: 1), AnalysisPhase.Inconclusive, AnalysisPhase.Inconclusive).Phase);
    }

    [Fact]
    public void Record_ConsecutiveErrorsAboveLimit_Error()
    {
        var run = Run(Every10s(consecutiveErrorLimit: 2), AnalysisPhase.Error, AnalysisPhase.Error, AnalysisPhase.Error);

        Assert.Equal(AnalysisPhase.Error, run.Phase);
        Assert.Equal((3, 0), (run.Metrics[0].Errors, run.Metrics[0].Count));
    }

    [Fact]
    public void Record_ErrorsBetweenSuccesses_DoNotCountAndResetTheStreak()
    {
        var run = Run(Every10s(consecutiveErrorLimit: 2), AnalysisPhase.Error, AnalysisPhase.Error, AnalysisPhase.Successful,
            AnalysisPhase.Error, AnalysisPhase.Error, AnalysisPhase.Successful, AnalysisPhase.Successful);

        Assert.Equal(AnalysisPhase.Successful, run.Phase);
        Assert.Equal((3, 4, 0), (run.Metrics[0].Count, run.Metrics[0].Errors, run.Metrics[0].ConsecutiveErrors));
    }

    [Fact]
    public void Terminate_AllMeasurementsErrored_ErrorNeverSuccessful()
    {
        // Two errors are under the limit of 4; Argo Rollouts would call the terminated metric Successful.
        var run = Run(Every10s(), AnalysisPhase.Error, AnalysisPhase.Error);
        Assert.Equal(AnalysisPhase.Running, run.Phase);

        run.Terminate();

        Assert.Equal(AnalysisPhase.Error, run.Phase);
    }

    [Fact]
    public void Record_CountReachedWithoutAnySuccess_NotSuccessful()
    {
        var run = Run(Every10s(count: 2, failureLimit: 2), AnalysisPhase.Failed, AnalysisPhase.Failed);

        Assert.Equal(AnalysisPhase.Failed, run.Phase);
    }

    [Fact]
    public void Due_InitialDelay_NotDueBeforeIt()
    {
        var metric = Every10s() with { InitialDelay = TimeSpan.FromSeconds(30) };
        var run = new AnalysisRun([metric], _time);

        Assert.Equal(AnalysisPhase.Pending, run.Phase);
        Assert.Empty(run.Due());
        Assert.Equal(TimeSpan.FromSeconds(30), run.NextDue());
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(run.Due());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(run.Due());
    }

    [Fact]
    public void NextDue_AfterAMeasurement_TheInterval()
    {
        var metric = Every10s();
        var run = new AnalysisRun([metric], _time);
        run.Record(Measured(metric, AnalysisPhase.Successful));

        Assert.Equal(TimeSpan.FromSeconds(10), run.NextDue());
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(6), run.NextDue());
        Assert.Empty(run.Due());
    }

    [Fact]
    public void NextDue_SingleMeasurementErrored_RetriesAfterTenSeconds()
    {
        var metric = Metric(MeasureKind.Quality, name: "probes");
        var run = new AnalysisRun([metric], _time);
        run.Record(Measured(metric, AnalysisPhase.Error));

        Assert.Equal(AnalysisRun.ErrorRetryInterval, run.NextDue());
        _time.Advance(AnalysisRun.ErrorRetryInterval);
        run.Record(Measured(metric, AnalysisPhase.Successful));
        Assert.Equal(AnalysisPhase.Successful, run.Phase);
    }

    [Fact]
    public void Phase_OneMetricFailsWhileAnotherRuns_RunFailedAndStops()
    {
        var (errors, latency) = (Every10s("errors"), Every10s("latency"));
        var run = new AnalysisRun([errors, latency], _time);
        run.Record(Measured(latency, AnalysisPhase.Successful));

        run.Record(Measured(errors, AnalysisPhase.Failed));

        Assert.Equal(AnalysisPhase.Failed, run.Phase);
        Assert.Empty(run.Due());
        Assert.Contains("metric 'errors'", run.Reason, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => run.Record(Measured(errors, AnalysisPhase.Successful)));
    }

    [Fact]
    public void Phase_WorstOfCompletedMetrics_FailedOverInconclusive()
    {
        var (a, b) = (Every10s("a", count: 1), Every10s("b", count: 1));
        var run = new AnalysisRun([a, b], _time);
        run.Record(Measured(a, AnalysisPhase.Inconclusive));

        Assert.Equal(AnalysisPhase.Inconclusive, run.Phase);
    }

    [Fact]
    public void Start_AnalysisStep_MeasuresEveryMetricOfItsTemplates()
    {
        var spec = RolloutSpecLoader.Load(RepoRoot.Combine("samples", "support-kb", "rollout.yaml"));
        var step = spec.Steps.OfType<AnalysisStep>().First();

        var run = AnalysisRun.Start(spec, step, _time);

        Assert.Equal(["error-rate", "latency", "golden-probes"], run.Metrics.Select(m => m.Metric.Name));
    }

    [Fact]
    public void Run_HealthyCanaryOnFakeClock_SuccessfulInThirtySeconds()
    {
        var judge = new CanaryJudge(new JudgeSettings(), _time);
        var run = new AnalysisRun([Every10s("errors"), Every10s("latency") with { Measure = MeasureKind.Latency }], _time);
        var seed = 0;

        while (run.NextDue() is { } wait)
        {
            _time.Advance(wait);
            foreach (var metric in run.Due())
                run.Record(judge.Judge(metric, Window(Traffic(200, 0, 80, ++seed), Traffic(100, 0, 80, ++seed))));
        }

        Assert.Equal(AnalysisPhase.Successful, run.Phase);
        Assert.Equal(TimeSpan.FromSeconds(20), _time.GetUtcNow() - run.StartedAt);
        Assert.All(run.Metrics, m => Assert.Equal(3, m.Measurements.Count));
    }

    [Fact]
    public void Run_CanaryFailing20Percent_FailedAtTheSecondFailureNotTheFirst()
    {
        var judge = new CanaryJudge(new JudgeSettings(), _time);
        var run = new AnalysisRun([Every10s("errors", count: 5, failureLimit: 1)], _time);
        var seed = 0;

        while (run.NextDue() is { } wait)
        {
            _time.Advance(wait);
            foreach (var metric in run.Due())
                run.Record(judge.Judge(metric, Window(Traffic(200, 0, 80, ++seed), Traffic(100, 20, 80, ++seed))));
        }

        Assert.Equal(AnalysisPhase.Failed, run.Phase);
        Assert.Equal(2, run.Metrics[0].Measurements.Count);
        Assert.Contains("above the 1% ceiling", run.Reason, StringComparison.Ordinal);
    }
}
