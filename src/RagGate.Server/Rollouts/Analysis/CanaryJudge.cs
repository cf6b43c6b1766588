using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>
/// Decides each measurement of a canary analysis: errors (Fisher's exact test and a ceiling), latency
/// (Mann-Whitney U with a tolerance and a p95 ceiling) and live quality (golden probes, paired randomization
/// test), then the metric's conditions. Pure and deterministic: the same input and clock give the same
/// measurement. Too few samples is Inconclusive, never Failed.
/// </summary>
public sealed class CanaryJudge(JudgeSettings settings, TimeProvider timeProvider)
{
    /// <summary>The settings the judge decides with.</summary>
    public JudgeSettings Settings { get; } = settings;

    /// <summary>Judges an errors or latency metric on the router's counts for one window.</summary>
    public Measurement Judge(MetricSpec metric, TrafficWindow window, DateTimeOffset? startedAt = null) =>
        metric.Measure switch
        {
            MeasureKind.Errors => Finish(metric, ErrorRateCheck.Judge(window, Settings), startedAt),
            MeasureKind.Latency => Finish(metric, LatencyCheck.Judge(window, Settings), startedAt),
            _ => throw new ArgumentException($"Metric '{metric.Name}' measures {metric.Measure}; it needs golden probes, not a traffic window.", nameof(metric)),
        };

    /// <summary>Judges a quality metric on golden probes sent to both revisions.</summary>
    public Measurement Judge(MetricSpec metric, IReadOnlyList<ProbePair> probes, DateTimeOffset? startedAt = null) =>
        metric.Measure == MeasureKind.Quality
            ? Finish(metric, QualityCheck.Judge(probes, Settings.Probes, Settings.Alpha), startedAt)
            : throw new ArgumentException($"Metric '{metric.Name}' measures {metric.Measure}; it needs a traffic window, not probes.", nameof(metric));

    /// <summary>A measurement that could not be taken (the revision was down, the router had no data).</summary>
    public Measurement Errored(MetricSpec metric, string reason, DateTimeOffset? startedAt = null) =>
        Finish(metric, Verdict.Error(reason), startedAt);

    private Measurement Finish(MetricSpec metric, Verdict verdict, DateTimeOffset? startedAt)
    {
        var decided = verdict.TooFewSamples ? verdict : ConditionCheck.Apply(metric, verdict);
        var now = timeProvider.GetUtcNow();
        return new Measurement
        {
            Metric = metric.Name,
            Measure = metric.Measure,
            Phase = decided.Phase,
            Value = decided.Value,
            Result = decided.Result,
            Test = decided.Test,
            PValue = decided.PValue,
            Reason = decided.Reason,
            StartedAt = startedAt ?? now,
            FinishedAt = now,
        };
    }
}
