using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>
/// One analysis (an analysis step's templates measured together), driven by a <see cref="TimeProvider"/>:
/// the caller asks which metrics are <see cref="Due"/>, takes those measurements (the judge decides them),
/// <see cref="Record"/>s them, and waits <see cref="NextDue"/>. Once a metric fails, errors or is inconclusive
/// the run ends with it, as in Argo Rollouts; otherwise it ends Successful when every metric completed.
/// </summary>
public sealed class AnalysisRun
{
    /// <summary>Argo's retry interval after an errored measurement of a metric with no interval.</summary>
    public static readonly TimeSpan ErrorRetryInterval = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;
    private readonly List<MetricResult> _metrics;
    private bool _terminated;

    /// <summary>Starts a run of <paramref name="metrics"/> (names must be distinct) now.</summary>
    public AnalysisRun(IEnumerable<MetricSpec> metrics, TimeProvider timeProvider)
    {
        _time = timeProvider;
        _metrics = metrics.Select(m => new MetricResult(m)).ToList();
        if (_metrics.Count == 0)
            throw new ArgumentException("An analysis needs at least one metric.", nameof(metrics));
        if (_metrics.GroupBy(m => m.Metric.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Two metrics are named '{twice.Key}'.", nameof(metrics));
        StartedAt = timeProvider.GetUtcNow();
    }

    /// <summary>Starts a run of every metric of the templates an analysis step names.</summary>
    public static AnalysisRun Start(RolloutSpec spec, AnalysisStep step, TimeProvider timeProvider) =>
        new(step.Templates.SelectMany(name => spec.Template(name).Metrics), timeProvider);

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Each metric's measurements and phase.</summary>
    public IReadOnlyList<MetricResult> Metrics => _metrics;

    /// <summary>The run's phase: Pending, Running, or the phase it ended with.</summary>
    public AnalysisPhase Phase
    {
        get
        {
            Refresh();
            var worst = _metrics.Where(m => m.Completed).MaxBy(m => MetricAssessor.Severity(m.Phase));
            if (worst is not null && (Terminating || _metrics.All(m => m.Completed)))
                return worst.Phase;
            return _metrics.All(m => m.Phase == AnalysisPhase.Pending) ? AnalysisPhase.Pending : AnalysisPhase.Running;
        }
    }

    /// <summary>True once the run has a final phase.</summary>
    public bool Completed => Phase is not (AnalysisPhase.Pending or AnalysisPhase.Running);

    /// <summary>The metric that decided a run that did not succeed, with its last measurement's reason; null otherwise.</summary>
    public string? Reason
    {
        get
        {
            var phase = Phase;
            if (phase is AnalysisPhase.Pending or AnalysisPhase.Running or AnalysisPhase.Successful) return null;
            var decisive = _metrics.First(m => m.Phase == phase);
            var last = decisive.Measurements.LastOrDefault(m => m.Phase == phase) ?? decisive.Measurements.LastOrDefault();
            return $"metric '{decisive.Metric.Name}' ({decisive.Metric.Measure.ToString().ToLowerInvariant()}) {phase.ToString().ToLowerInvariant()}"
                + $" ({decisive.Failed} failed, {decisive.Inconclusive} inconclusive, {decisive.Errors} errors of {decisive.Measurements.Count})"
                + (last is null ? "" : $": {last.Reason}");
        }
    }

    /// <summary>The metrics whose next measurement is due now.</summary>
    public IReadOnlyList<MetricSpec> Due()
    {
        var now = _time.GetUtcNow();
        return Completed ? [] : _metrics.Where(m => DueAt(m) is { } at && at <= now).Select(m => m.Metric).ToList();
    }

    /// <summary>How long until the next measurement is due (zero when one is due now); null when the run has completed.</summary>
    public TimeSpan? NextDue()
    {
        if (Completed) return null;
        var next = _metrics.Select(DueAt).Where(at => at is not null).Min();
        if (next is null) return null;
        var wait = next.Value - _time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Adds a measurement the judge decided to its metric's results.</summary>
    public void Record(Measurement measurement)
    {
        var result = _metrics.FirstOrDefault(m => m.Metric.Name == measurement.Metric)
            ?? throw new ArgumentException($"This analysis has no metric named '{measurement.Metric}'.", nameof(measurement));
        if (result.Completed)
            throw new InvalidOperationException($"Metric '{measurement.Metric}' has completed ({result.Phase}); it takes no more measurements.");
        result.Add(measurement);
        Refresh();
    }

    /// <summary>Stops the run (a promotion or an abort): metrics still measuring complete with what they have.</summary>
    public void Terminate()
    {
        _terminated = true;
        Refresh();
    }

    private bool Terminating => _terminated || _metrics.Any(m => m.Phase is AnalysisPhase.Failed or AnalysisPhase.Error or AnalysisPhase.Inconclusive);

    private void Refresh()
    {
        // Two passes: a metric ending Failed makes the run terminate, which completes the others.
        for (var pass = 0; pass < 2; pass++)
            foreach (var metric in _metrics.Where(m => !m.Completed))
                metric.Phase = MetricAssessor.Assess(metric, Terminating);
    }

    private DateTimeOffset? DueAt(MetricResult result)
    {
        if (result.Completed || Terminating) return null;
        var last = result.Measurements.LastOrDefault();
        if (last is null) return StartedAt + result.Metric.InitialDelay;
        if (MetricAssessor.EffectiveCount(result.Metric) is { } count && result.Count >= count) return null;
        var interval = result.Metric.Interval ?? (last.Phase == AnalysisPhase.Error ? ErrorRetryInterval : null);
        return interval is null ? null : last.FinishedAt + interval.Value;
    }
}
