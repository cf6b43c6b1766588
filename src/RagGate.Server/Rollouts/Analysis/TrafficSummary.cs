using RagGate.Evaluation.Statistics;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>The <c>result</c> fields of a traffic window, shared by the errors and latency measures.</summary>
internal static class TrafficSummary
{
    public static Dictionary<string, double> Fields(TrafficWindow window, double pValue) => new(StringComparer.Ordinal)
    {
        [ResultFields.ErrorRate] = Rate(window.Canary),
        [ResultFields.ControlErrorRate] = Rate(window.Control),
        [ResultFields.Requests] = window.Canary.Requests,
        [ResultFields.ControlRequests] = window.Control.Requests,
        [ResultFields.Errors] = window.Canary.Errors,
        [ResultFields.P50] = Latency(window.Canary, 50),
        [ResultFields.P95] = Latency(window.Canary, 95),
        [ResultFields.P99] = Latency(window.Canary, 99),
        [ResultFields.ControlP50] = Latency(window.Control, 50),
        [ResultFields.ControlP95] = Latency(window.Control, 95),
        [ResultFields.PValue] = pValue,
    };

    /// <summary>Null when the window is unusable (counts that contradict each other), else the problem in words.</summary>
    public static string? Problem(TrafficWindow window)
    {
        foreach (var (name, traffic) in new[] { ("control", window.Control), ("canary", window.Canary) })
        {
            if (traffic.Requests < 0 || traffic.Errors < 0 || traffic.Errors > traffic.Requests)
                return $"the {name}'s counts are inconsistent ({traffic.Errors} errors of {traffic.Requests} requests)";
            if (traffic.LatenciesMs.Any(l => !double.IsFinite(l) || l < 0))
                return $"the {name}'s latencies hold a negative or non-finite value";
        }
        return null;
    }

    /// <summary>Too few requests on either side: the minimum-sample rule (Inconclusive, never Failed).</summary>
    public static Verdict? TooFew(TrafficWindow window, int minimum, int controlCount, int canaryCount, string what)
    {
        if (controlCount >= minimum && canaryCount >= minimum) return null;
        return new Verdict(AnalysisPhase.Inconclusive, null, Fields(window, double.NaN), "", null,
            $"too few {what} for a verdict: canary {canaryCount}, control {controlCount}, at least {minimum} each needed")
        { TooFewSamples = true };
    }

    private static double Rate(RevisionTraffic t) => t.Requests == 0 ? double.NaN : (double)t.Errors / t.Requests;

    private static double Latency(RevisionTraffic t, double p) => t.LatenciesMs.Count == 0 ? double.NaN : Percentile.NearestRank(t.LatenciesMs, p);
}
