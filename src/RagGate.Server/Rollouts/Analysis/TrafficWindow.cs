using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>
/// The router's counts for one measurement of errors or latency: the canary and the control (stable, or the
/// baseline when the spec asks for one) over the same window, usually the time since the metric's previous
/// measurement.
/// </summary>
/// <param name="Control">Stable or the baseline.</param>
/// <param name="Canary">The canary.</param>
public sealed record TrafficWindow(RevisionTraffic Control, RevisionTraffic Canary)
{
    /// <summary>
    /// The window the spec asks for: the canary against the baseline when <see cref="RevisionsSpec.Baseline"/> is
    /// set (a fresh copy of stable started with the canary, so warm caches and uptime do not bias the verdict),
    /// else against stable.
    /// </summary>
    public static TrafficWindow For(RevisionsSpec revisions, RevisionTraffic stable, RevisionTraffic? baseline, RevisionTraffic canary)
    {
        if (!revisions.Baseline)
            return new TrafficWindow(stable, canary);
        return baseline is null
            ? throw new ArgumentNullException(nameof(baseline), "The spec compares the canary with a baseline, but no baseline traffic was given.")
            : new TrafficWindow(baseline, canary);
    }
}
