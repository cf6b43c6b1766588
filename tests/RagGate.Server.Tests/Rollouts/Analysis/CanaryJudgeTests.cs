using Microsoft.Extensions.Time.Testing;
using RagGate.Server.Rollouts.Analysis;
using RagGate.Server.Rollouts.Spec;
using static RagGate.Server.Tests.Rollouts.Analysis.JudgeData;

namespace RagGate.Server.Tests.Rollouts.Analysis;

public sealed class CanaryJudgeTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);

    private CanaryJudge Judge(JudgeSettings? settings = null) => new(settings ?? new JudgeSettings(), _time);

    // Errors: Fisher's exact test plus the absolute ceiling.

    [Fact]
    public void Judge_ErrorsHealthyCanary_SuccessfulWithFisherP()
    {
        var m = Judge().Judge(Metric(MeasureKind.Errors), Window(Traffic(400, 1, 80, 1), Traffic(200, 0, 80, 2)));

        Assert.Equal(AnalysisPhase.Successful, m.Phase);
        Assert.StartsWith("Fisher exact", m.Test, StringComparison.Ordinal);
        Assert.Equal(1.0, m.PValue!.Value, 9);
        Assert.Equal(0.0, m.Value);
    }

    [Fact]
    public void Judge_ErrorsAboveCeiling_Failed()
    {
        // 20% of the canary's requests fail: far above the reference's 1%.
        var m = Judge().Judge(Metric(MeasureKind.Errors), Window(Traffic(200, 0, 80, 1), Traffic(100, 20, 80, 2)));

        Assert.Equal(AnalysisPhase.Failed, m.Phase);
        Assert.Equal(0.2, m.Value);
        Assert.Contains("above the 1% ceiling", m.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ErrorsBelowCeilingButAboveControl_FailedByFisher()
    {
        // 8 errors in 1000 is under a 5% ceiling, but stable had none: p = 0.0038517 (exact tail by math.comb).
        var m = Judge(new JudgeSettings { ErrorRateCeiling = 0.05 }).Judge(Metric(MeasureKind.Errors), Window(Traffic(1000, 0, 80, 1), Traffic(1000, 8, 80, 2)));

        Assert.Equal(AnalysisPhase.Failed, m.Phase);
        Assert.Equal(0.0038517404255419487, m.PValue!.Value, 10);
        Assert.Contains("higher than the control", m.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_ErrorsSameRateAsControl_Successful()
    {
        var m = Judge(new JudgeSettings { ErrorRateCeiling = 0.05 }).Judge(Metric(MeasureKind.Errors), Window(Traffic(1000, 10, 80, 1), Traffic(1000, 11, 80, 2)));

        Assert.Equal(AnalysisPhase.Successful, m.Phase);
        Assert.True(m.PValue > 0.3);
    }

    [Fact]
    public void Judge_ErrorsTooFewRequests_InconclusiveNeverFailed()
    {
        // Every one of the canary's 10 requests failed, but 10 is under the minimum of 50: no verdict yet.
        var m = Judge().Judge(Metric(MeasureKind.Errors, success: "result.errorRate <= 0.01"), Window(Traffic(400, 0, 80, 1), Traffic(10, 10, 80, 2)));

        Assert.Equal(AnalysisPhase.Inconclusive, m.Phase);
        Assert.Contains("too few requests", m.Reason, StringComparison.Ordinal);
        Assert.Null(m.PValue);
    }

    [Fact]
    public void Judge_ErrorsMoreErrorsThanRequests_Error()
    {
        var m = Judge().Judge(Metric(MeasureKind.Errors), Window(Traffic(100, 0, 80, 1), new RevisionTraffic(100, 101, [])));

        Assert.Equal(AnalysisPhase.Error, m.Phase);
        Assert.Contains("inconsistent", m.Reason, StringComparison.Ordinal);
    }

    // Latency: Mann-Whitney U with a tolerance plus the absolute p95 ceiling.

    [Fact]
    public void Judge_LatencySameDistribution_Successful()
    {
        var m = Judge().Judge(Metric(MeasureKind.Latency), Window(Traffic(300, 0, 80, 1), Traffic(300, 0, 80, 2)));

        Assert.Equal(AnalysisPhase.Successful, m.Phase);
        Assert.StartsWith("Mann-Whitney U", m.Test, StringComparison.Ordinal);
        Assert.True(m.PValue > 0.05, $"p = {m.PValue}");
    }

    [Fact]
    public void Judge_Latency400MsSlower_FailedByCeiling()
    {
        var m = Judge().Judge(Metric(MeasureKind.Latency), Window(Traffic(300, 0, 80, 1), Traffic(300, 0, 480, 2)));

        Assert.Equal(AnalysisPhase.Failed, m.Phase);
        Assert.True(m.Value > 500, $"p95 = {m.Value}");
        Assert.Contains("above the 500 ms ceiling", m.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_LatencySlowerThanToleranceUnderCeiling_FailedByMannWhitney()
    {
        // 50% slower than stable but far under 500 ms: only the comparison catches it.
        var m = Judge().Judge(Metric(MeasureKind.Latency), Window(Traffic(300, 0, 80, 1), Traffic(300, 0, 120, 2)));

        Assert.Equal(AnalysisPhase.Failed, m.Phase);
        Assert.True(m.PValue < 0.001, $"p = {m.PValue}");
        Assert.Contains("slower than the control by more than 10%", m.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_LatencySlowerWithinTolerance_Successful()
    {
        // 3% slower with a 10% tolerance: the canary is not called worse.
        var m = Judge().Judge(Metric(MeasureKind.Latency), Window(Traffic(300, 0, 80, 1), Traffic(300, 0, 82.4, 2)));

        Assert.Equal(AnalysisPhase.Successful, m.Phase);
    }

    [Fact]
    public void Judge_LatencyTooFewSamples_Inconclusive()
    {
        var m = Judge().Judge(Metric(MeasureKind.Latency), Window(Traffic(300, 0, 80, 1), Traffic(49, 0, 2000, 2)));

        Assert.Equal(AnalysisPhase.Inconclusive, m.Phase);
        Assert.Contains("canary 49, control 300, at least 50 each", m.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_BaselineRequested_ComparesWithBaselineNotWarmStable()
    {
        // Stable has run for hours with warm caches; the canary and a fresh baseline are both cold (25% slower).
        var revisions = new RevisionsSpec { Stable = RevisionSource.FromUrl(new Uri("http://127.0.0.1:1")), Baseline = true };
        var (stable, baseline, canary) = (Traffic(300, 0, 80, 1), Traffic(300, 0, 100, 3), Traffic(300, 0, 100, 2));

        var againstBaseline = Judge().Judge(Metric(MeasureKind.Latency), TrafficWindow.For(revisions, stable, baseline, canary));
        var againstStable = Judge().Judge(Metric(MeasureKind.Latency), TrafficWindow.For(revisions with { Baseline = false }, stable, baseline, canary));

        Assert.Equal(AnalysisPhase.Successful, againstBaseline.Phase);
        Assert.Equal(AnalysisPhase.Failed, againstStable.Phase);
        Assert.Throws<ArgumentNullException>(() => TrafficWindow.For(revisions, stable, null, canary));
    }

    // Live quality: golden probes compared as paired data.

    [Fact]
    public void Judge_QualitySameScores_Successful()
    {
        var m = Judge().Judge(Metric(MeasureKind.Quality), Probes(86));

        Assert.Equal(AnalysisPhase.Successful, m.Phase);
        Assert.Equal(1.0, m.PValue);
        Assert.Equal(0.0, m.Value);
        Assert.StartsWith("paired randomization", m.Test, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_QualityRecallDrop_Failed()
    {
        // The canary loses its documents on 12 of 86 queries, as the tiny-chunks config does.
        var m = Judge().Judge(Metric(MeasureKind.Quality), Probes(86, recallLosses: 12));

        Assert.Equal(AnalysisPhase.Failed, m.Phase);
        Assert.True(m.Value > 0.1, $"drop {m.Value}");
        Assert.True(m.PValue < 0.001, $"p = {m.PValue}");
        Assert.StartsWith("live quality dropped: recall@5", m.Reason, StringComparison.Ordinal);
        Assert.Equal(86, m.Result[ResultFields.Probes]);
    }

    [Fact]
    public void Judge_QualitySmallSignificantDropWithinAllowance_Successful()
    {
        // 3 of 86 queries lose recall: a drop under the 0.05 allowance, whatever the p-value.
        var m = Judge().Judge(Metric(MeasureKind.Quality), Probes(86, recallLosses: 3));

        Assert.Equal(AnalysisPhase.Successful, m.Phase);
        Assert.True(m.Value is > 0 and < 0.05, $"drop {m.Value}");
    }

    [Fact]
    public void Judge_QualityAnswerChecksDropOnly_Failed()
    {
        var m = Judge().Judge(Metric(MeasureKind.Quality), Probes(86, answerLosses: 15));

        Assert.Equal(AnalysisPhase.Failed, m.Phase);
        Assert.Equal(0.0, m.Result[ResultFields.RecallDrop]);
        Assert.Equal(15 / 86.0, m.Result[ResultFields.AnswerDrop], 9);
    }

    [Fact]
    public void Judge_QualityTooFewProbes_InconclusiveNeverFailed()
    {
        var m = Judge().Judge(Metric(MeasureKind.Quality), Probes(10, recallLosses: 10));

        Assert.Equal(AnalysisPhase.Inconclusive, m.Phase);
        Assert.Contains("too few paired probes", m.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_QualityCanaryProbesFail_Error()
    {
        var probes = Probes(30).Select(p => p with { Canary = ProbeOutcome.Failed("connection refused") }).ToList();

        var m = Judge().Judge(Metric(MeasureKind.Quality), probes);

        Assert.Equal(AnalysisPhase.Error, m.Phase);
        Assert.Contains("30 of 30 probes failed (canary: connection refused)", m.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_QualityNoProbes_Error() =>
        Assert.Equal(AnalysisPhase.Error, Judge().Judge(Metric(MeasureKind.Quality), []).Phase);

    [Fact]
    public void Judge_QualitySeeded_SameMeasurementTwice()
    {
        var probes = Probes(40, recallLosses: 3, seed: 9);

        Assert.Equal(Judge().Judge(Metric(MeasureKind.Quality), probes).PValue, Judge().Judge(Metric(MeasureKind.Quality), probes).PValue);
    }

    // Conditions, with Argo Rollouts' rules, on top of the judge.

    [Theory]
    [InlineData("result.p95 < 200", null, AnalysisPhase.Successful)]
    [InlineData("result.p95 < 50", null, AnalysisPhase.Failed)]
    [InlineData(null, "result.p95 > 50", AnalysisPhase.Failed)]
    [InlineData(null, "result.p95 > 200", AnalysisPhase.Successful)]
    [InlineData("result.p95 < 50", "result.p95 > 200", AnalysisPhase.Inconclusive)]
    [InlineData("result.p95 < 200 && result.errorRate <= 0.01", "result.errorRate > 0.05", AnalysisPhase.Successful)]
    public void Judge_Conditions_ArgoRules(string? success, string? failure, AnalysisPhase expected)
    {
        var m = Judge().Judge(Metric(MeasureKind.Latency, success, failure), Window(Traffic(300, 0, 80, 1), Traffic(300, 0, 80, 2)));

        Assert.Equal(expected, m.Phase);
    }

    [Fact]
    public void Judge_SuccessConditionMetButJudgeFailed_StaysFailed()
    {
        var m = Judge().Judge(Metric(MeasureKind.Errors, success: "result.errorRate < 0.5"), Window(Traffic(200, 0, 80, 1), Traffic(100, 20, 80, 2)));

        Assert.Equal(AnalysisPhase.Failed, m.Phase);
    }

    [Fact]
    public void Judge_Finished_StampedByTheClock()
    {
        _time.Advance(TimeSpan.FromMinutes(3));
        var started = Start.AddMinutes(2);

        var m = Judge().Judge(Metric(MeasureKind.Errors), Window(Traffic(100, 0, 80, 1), Traffic(100, 0, 80, 2)), started);

        Assert.Equal((started, Start.AddMinutes(3)), (m.StartedAt, m.FinishedAt));
    }

    [Fact]
    public void Errored_Reason_ErrorPhase()
    {
        var m = Judge().Errored(Metric(MeasureKind.Latency), "the router has no data");

        Assert.Equal((AnalysisPhase.Error, "the router has no data"), (m.Phase, m.Reason));
    }

    [Fact]
    public void Judge_WrongInputForMeasure_Throws()
    {
        Assert.Throws<ArgumentException>(() => Judge().Judge(Metric(MeasureKind.Quality), Window(Traffic(1, 0, 1, 1), Traffic(1, 0, 1, 1))));
        Assert.Throws<ArgumentException>(() => Judge().Judge(Metric(MeasureKind.Errors), Probes(3)));
    }
}
