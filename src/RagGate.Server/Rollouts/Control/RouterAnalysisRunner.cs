using System.Globalization;
using RagGate.Evaluation.GoldenSets;
using RagGate.Server.Rollouts.Analysis;
using RagGate.Server.Rollouts.Routing;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// Runs an analysis step on the embedded router: drives the <see cref="AnalysisRun"/> on the clock, takes
/// each due measurement (errors and latency from the router's statistics over the window since the metric's
/// previous measurement, extended while it lacks samples: <see cref="SampleWindow"/>; quality from golden probes,
/// sent while the other metrics go on) and lets the <see cref="CanaryJudge"/> decide it.
/// </summary>
public sealed class RouterAnalysisRunner(TimeProvider time) : IAnalysisRunner
{
    /// <inheritdoc />
    public async Task<AnalysisOutcome> RunAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        var judge = new CanaryJudge(request.Spec.Judge, time);
        var run = AnalysisRun.Start(request.Spec, request.Step, time);
        using var probes = new GoldenProbes(request.Router.Address, GoldenSetLoader.Load(request.GoldenSet), request.Spec.Judge.Probes, request.Control);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var probing = new Dictionary<string, (MetricSpec Metric, DateTimeOffset Since, Task<IReadOnlyList<ProbePair>> Pairs)>(StringComparer.Ordinal);
        var details = new List<string>();
        try
        {
            await MeasureUntilCompleteAsync(request, judge, run, probes, probing, details, stop.Token);
        }
        finally
        {
            // A run that ended while probes were out (another metric failed) stops them before their client goes.
            await stop.CancelAsync();
            foreach (var (_, _, pairs) in probing.Values)
            {
                try
                {
                    await pairs;
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        var phase = run.Phase;
        var verdict = phase switch
        {
            AnalysisPhase.Successful => AnalysisVerdict.Successful,
            AnalysisPhase.Failed => AnalysisVerdict.Failed,
            AnalysisPhase.Error => AnalysisVerdict.Error,
            _ => AnalysisVerdict.Inconclusive,
        };
        return new AnalysisOutcome(verdict, run.Reason ?? $"{run.Metrics.Count} metrics {phase.ToString().ToLowerInvariant()}", details);
    }

    /// <summary>
    /// Takes measurements as they fall due until the run completes. Golden probes take tens of seconds, so they run
    /// beside the traffic metrics (as Argo measures metrics concurrently), which keep their own schedule meanwhile.
    /// </summary>
    private async Task MeasureUntilCompleteAsync(
        AnalysisRequest request, CanaryJudge judge, AnalysisRun run, GoldenProbes probes,
        Dictionary<string, (MetricSpec Metric, DateTimeOffset Since, Task<IReadOnlyList<ProbePair>> Pairs)> probing,
        List<string> details, CancellationToken cancellationToken)
    {
        var windowStart = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        void Record(Measurement measurement)
        {
            run.Record(measurement);
            details.Add(Describe(measurement));
        }

        while (!run.Completed)
        {
            foreach (var (name, (metric, since, pairs)) in probing.Where(p => p.Value.Pairs.IsCompleted).ToList())
            {
                probing.Remove(name);
                Record(judge.Judge(metric, await pairs, since));
                if (run.Completed) return;
            }

            // Windows still filling are checked again within a second (as are metrics that fall due meanwhile).
            var filling = TimeSpan.MaxValue;
            foreach (var metric in run.Due())
            {
                var now = time.GetUtcNow();
                if (metric.Measure == MeasureKind.Quality)
                {
                    if (!probing.ContainsKey(metric.Name)) probing[metric.Name] = (metric, now, probes.SendAsync(cancellationToken));
                    continue;
                }

                // A traffic window spans the metric's interval (10 s without one), and longer while it lacks samples.
                var since = windowStart.GetValueOrDefault(metric.Name, run.StartedAt);
                var window = Window(request, since);
                var extend = SampleWindow.Wait(since, metric.Interval ?? TimeSpan.FromSeconds(10), now, window, request.Spec.Judge);
                if (extend > TimeSpan.Zero)
                {
                    filling = TimeSpan.FromTicks(Math.Min(filling.Ticks, extend.Ticks));
                    continue;
                }

                windowStart[metric.Name] = now;
                Record(judge.Judge(metric, window, since));
                if (run.Completed) return;
            }

            var next = run.NextDue();
            if (next is null && filling == TimeSpan.MaxValue && probing.Count == 0) return;
            var wait = next ?? TimeSpan.MaxValue;
            if (filling != TimeSpan.MaxValue || probing.Count > 0)
            {
                // Due now only because of a window filling or probes out: look again within a second.
                var poll = TimeSpan.FromTicks(Math.Min(filling.Ticks, SampleWindow.Poll.Ticks));
                wait = wait == TimeSpan.Zero ? poll : TimeSpan.FromTicks(Math.Min(wait.Ticks, poll.Ticks));
            }

            if (wait > TimeSpan.Zero)
            {
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                await Task.WhenAny([Task.Delay(wait, time, wake.Token), .. probing.Values.Select(p => p.Pairs)]);
                await wake.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static TrafficWindow Window(AnalysisRequest request, DateTimeOffset since)
    {
        var statistics = request.Router.Statistics;
        return new TrafficWindow(Traffic(statistics.Window(request.Control, since)), Traffic(statistics.Window(Revisions.Canary, since)));
    }

    private static RevisionTraffic Traffic(RevisionWindow window) => new(window.Requests, window.Errors, window.LatenciesMs);

    private static string Describe(Measurement m)
    {
        var value = m.Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "-";
        var p = m.PValue is { } pv ? $", p = {pv.ToString("0.####", CultureInfo.InvariantCulture)}" : "";
        var test = m.Test.Length > 0 ? $" [{m.Test}{p}]" : "";
        return $"{m.Metric} ({m.Measure.ToString().ToLowerInvariant()}): {m.Phase} value {value}{test}: {m.Reason}";
    }
}
