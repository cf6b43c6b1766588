using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Running;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Targets;
using RagGate.Evaluation.Tests.Targets;
using static RagGate.Evaluation.Tests.Scoring.RunBuilder;

namespace RagGate.Evaluation.Tests.Running;

/// <summary>
/// A real local HTTP service that answers one query differently on every other call: answer checks run on
/// every repetition, gates see per-query means (n stays the number of queries), and the flaky query is named.
/// </summary>
public sealed class NondeterministicTargetTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static string Answer(string query, int call) =>
        query == "question flaky" && call % 2 == 0 ? "Please contact our support team." : "Refunds take 14 days.";

    [Fact]
    public async Task RunAsync_TargetAnswersDifferentlyEachTime_ScoresEveryRepetitionAndNamesTheFlakyQuery()
    {
        using var service = new VaryingRagService(Answer, TimeSpan.Zero);
        using var target = new HttpRagTarget(service.BaseUrl, Timeout, "varying", "gpt-4o-mini");
        var golden = Golden(Query("stable", ["question stable-doc"], ["14 days"]), Query("flaky", ["question flaky-doc"], ["14 days"]));

        var run = await new EvalRunner(target, TimeProvider.System).RunAsync(golden, new RunOptions { Warmup = 0, Repetitions = 4 });
        var scorecard = await ScorecardBuilder.BuildAsync(run, golden, new ScoringOptions());

        var stable = scorecard.Queries.Single(q => q.Id == "stable");
        var flaky = scorecard.Queries.Single(q => q.Id == "flaky");
        Assert.Equal((1.0, 4, false), (stable.PassRate, stable.Repetitions, stable.Flaky));
        Assert.Equal((0.5, 4, true), (flaky.PassRate, flaky.Repetitions, flaky.Flaky));
        Assert.Equal(0.5, flaky.Values[MetricCatalog.AnswerKeywordHit]);
        Assert.Equal(0.0, flaky.Values[MetricCatalog.PassAllK]);
        Assert.Equal("failed in 2 of 4 repetitions: the answer holds none of the expected keywords", flaky.Checks.Single(c => c.Name == "answer_keywords").Reason);
        var passRate = scorecard.Find(MetricCatalog.QueryPassRate)!;
        Assert.Equal((0.75, 2), (passRate.Value, passRate.N));
        Assert.Equal(IntervalMethod.Bootstrap, passRate.Interval);
        var passAllK = scorecard.Find(MetricCatalog.PassAllK)!;
        Assert.Equal((0.5, 2, IntervalMethod.Wilson), (passAllK.Value, passAllK.N, passAllK.Interval));
    }

    [Fact]
    public async Task RunAsync_ConcurrencyLevels_MeasuresEachLevelAndScoresOnlyTheFirst()
    {
        using var service = new VaryingRagService((_, _) => "Refunds take 14 days.", TimeSpan.FromMilliseconds(40));
        using var target = new HttpRagTarget(service.BaseUrl, Timeout, "varying", "gpt-4o-mini");
        var golden = Golden([.. Enumerable.Range(1, 8).Select(i => Query($"q{i}", [$"question q{i}-doc"]))]);

        var serial = await new EvalRunner(target, TimeProvider.System).RunAsync(golden, new RunOptions { Warmup = 0 });
        var serialPeak = service.PeakInFlight;
        service.ResetPeak();
        var run = await new EvalRunner(target, TimeProvider.System).RunAsync(golden, new RunOptions { Warmup = 0, Concurrency = [1, 4] });
        var latency = (await ScorecardBuilder.BuildAsync(run, golden, new ScoringOptions())).Latency;

        Assert.Equal(1, serialPeak);
        Assert.InRange(service.PeakInFlight, 2, 4);
        Assert.Equal([1, 4], run.Load!.Select(l => l.Concurrency));
        Assert.All(run.Load!, l => Assert.Equal((8, 0, 8), (l.Requests, l.Errors, l.LatencyMs.Count)));
        Assert.All(run.Queries, q => Assert.Single(q.EndToEndLatencyMs));
        Assert.Equal(1, run.Concurrency);
        Assert.Equal([1, 4], latency.Levels!.Select(l => l.Concurrency));
        Assert.All(latency.Levels!, l => Assert.True(l.Latency.P50 >= 40, $"p50 {l.Latency.P50}"));
        Assert.Single(serial.Load!);
    }
}
