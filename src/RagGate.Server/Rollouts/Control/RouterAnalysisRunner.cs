using System.Globalization;
using RagGate.Evaluation.GoldenSets;
using RagGate.Server.Rollouts.Analysis;
using RagGate.Server.Rollouts.Routing;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Control;

/// <summary>
/// Runs an analysis step on the embedded router: drives the <see cref="AnalysisRun"/> on the clock, takes
/// each due measurement (errors and latency from the router's statistics over the window since the metric's
/// previous measurement; quality from golden probes) and lets the <see cref="CanaryJudge"/> decide it.
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
            var now = time.GetUtcNow();
            var waitAtMost = TimeSpan.MaxValue;
            foreach (var metric in run.Due())
            {
                // A traffic window needs traffic: the first one spans the metric's interval (10 s without one), not an instant.
                var since = windowStart.GetValueOrDefault(metric.Name, run.StartedAt);
                var ready = since + (metric.Interval ?? TimeSpan.FromSeconds(10));
                if (metric.Measure != MeasureKind.Quality && !windowStart.ContainsKey(metric.Name) && now < ready)
                {
                    waitAtMost = TimeSpan.FromTicks(Math.Min(waitAtMost.Ticks, (ready - now).Ticks));
                    continue;
                }

                var measurement = await MeasureAsync(judge, metric, request, probes, since, cancellationToken);
                windowStart[metric.Name] = measurement.StartedAt;
                run.Record(measurement);
                details.Add(Describe(measurement));
                if (run.Completed) break;
            }

            if (run.Completed) break;
            var next = run.NextDue();
            if (next is null && waitAtMost == TimeSpan.MaxValue) break;
            var wait = waitAtMost != TimeSpan.MaxValue ? waitAtMost : next!.Value;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
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

    private static async Task<Measurement> MeasureAsync(
        CanaryJudge judge, MetricSpec metric, AnalysisRequest request, GoldenProbes probes, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (metric.Measure == MeasureKind.Quality)
        {
            return judge.Judge(metric, await probes.SendAsync(cancellationToken));
        }

        var statistics = request.Router.Statistics;
        var window = new TrafficWindow(Traffic(statistics.Window(request.Control, since)), Traffic(statistics.Window(Revisions.Canary, since)));
        return judge.Judge(metric, window);
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
