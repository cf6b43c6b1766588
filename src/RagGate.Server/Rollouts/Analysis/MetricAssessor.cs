using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>
/// A metric's phase from its counters, by Argo Rollouts' rules (analysis controller, assessMetricStatus): failed
/// &gt; failureLimit fails, inconclusive &gt; inconclusiveLimit is Inconclusive, consecutive errors &gt;
/// consecutiveErrorLimit is Error, and reaching <c>count</c> completes it. One deliberate difference: a metric
/// that completes without a single Successful measurement takes the worst phase it saw (Failed, Error, then
/// Inconclusive) instead of Successful, so an analysis whose measurements all errored is never Successful.
/// </summary>
internal static class MetricAssessor
{
    public static AnalysisPhase Assess(MetricResult result, bool terminating)
    {
        var metric = result.Metric;
        if (result.Measurements.Count == 0)
            return terminating ? AnalysisPhase.Successful : AnalysisPhase.Pending;
        if (result.Failed > metric.FailureLimit)
            return AnalysisPhase.Failed;
        if (result.Inconclusive > metric.InconclusiveLimit)
            return AnalysisPhase.Inconclusive;
        if (result.ConsecutiveErrors > metric.ConsecutiveErrorLimit)
            return AnalysisPhase.Error;
        var countReached = EffectiveCount(metric) is { } count && result.Count >= count;
        if (!countReached && !terminating)
            return AnalysisPhase.Running;
        if (result.Successful > 0)
            return AnalysisPhase.Successful;
        return result.Failed > 0 ? AnalysisPhase.Failed
            : result.Errors > 0 ? AnalysisPhase.Error
            : AnalysisPhase.Inconclusive;
    }

    /// <summary>Argo's effective count: <c>count</c>, or 1 when neither count nor interval is set, or none (measure until the run ends).</summary>
    public static int? EffectiveCount(MetricSpec metric) => metric.Count ?? (metric.Interval is null ? 1 : null);

    /// <summary>Argo's order of badness, for the phase of a run: Successful &lt; Inconclusive &lt; Error &lt; Failed.</summary>
    public static int Severity(AnalysisPhase phase) => phase switch
    {
        AnalysisPhase.Failed => 4,
        AnalysisPhase.Error => 3,
        AnalysisPhase.Inconclusive => 2,
        AnalysisPhase.Successful => 1,
        _ => 0,
    };
}
