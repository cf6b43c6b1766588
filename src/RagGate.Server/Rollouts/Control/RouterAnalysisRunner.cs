using System.Globalization;
using RagGate.Evaluation.GoldenSets;
using RagGate.Server.Rollouts.Analysis;
using RagGate.Server.Rollouts.Routing;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// Runs an analysis step on the embedded router: drives the <see cref="AnalysisRun"/> on the clock, takes
/// each due measurement (errors and latency from the router's statistics over the window since the metric's
/// previous measurement, extended while it lacks samples: <see cref="SampleWindow"/>; quality from golden probes)
/// and lets the <see cref="CanaryJudge"/> decide it.
/// </summary>
public sealed class RouterAnalysisRunner(TimeProvider time) : IAnalysisRunner
{
    /// <inheritdoc />
    public async Task<AnalysisOutcome> RunAsync(AnalysisRequest request, CancellationToken cancellationToken)
    {
        var judge = new CanaryJudge(request.Spec.Judge, time);
        var run = AnalysisRun.Start(request.Spec, request.Step, time);
        using var probes = new GoldenProbes(request.Router.Address, GoldenSetLoader.Load(request.GoldenSet), request.Spec.Judge.Probes, request.Control);
        var windowStart = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var details = new List<string>();
        while (!run.Completed)
        {
            // Windows still filling are checked again within a second (as are metrics that fall due meanwhile).
            var filling = TimeSpan.MaxValue;
            foreach (var metric in run.Due())
            {
                Measurement measurement;
                if (metric.Measure == MeasureKind.Quality)
                {
                    measurement = judge.Judge(metric, await probes.SendAsync(cancellationToken));
                }
                else
                {
                    // A traffic window spans the metric's interval (10 s without one), and longer while it lacks samples.
                    var now = time.GetUtcNow();
                    var since = windowStart.GetValueOrDefault(metric.Name, run.StartedAt);
                    var window = Window(request, since);
                    var extend = SampleWindow.Wait(since, metric.Interval ?? TimeSpan.FromSeconds(10), now, window, request.Spec.Judge);
                    if (extend > TimeSpan.Zero)
                    {
                        filling = TimeSpan.FromTicks(Math.Min(filling.Ticks, extend.Ticks));
                        continue;
                    }

                    measurement = judge.Judge(metric, window, since);
                    windowStart[metric.Name] = now;
                }

                run.Record(measurement);
                details.Add(Describe(measurement));
                if (run.Completed) break;
            }

            if (run.Completed) break;
            var wait = filling != TimeSpan.MaxValue ? TimeSpan.FromTicks(Math.Min(filling.Ticks, SampleWindow.Poll.Ticks)) : run.NextDue();
            if (wait is null) break;
            if (wait > TimeSpan.Zero) await Task.Delay(wait.Value, time, cancellationToken);
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
