using System.Globalization;
using RagGate.Evaluation.Statistics;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>
/// The latency measure: the canary fails when its p95 is above the absolute ceiling, or when a one-sided
/// Mann-Whitney U test finds its latencies larger than the control's scaled by 1 + tolerance (Kayenta's judge
/// compares with a tolerance the same way, so a canary a few percent slower is not called worse).
/// </summary>
internal static class LatencyCheck
{
    public static Verdict Judge(TrafficWindow window, JudgeSettings settings)
    {
        if (TrafficSummary.Problem(window) is { } problem)
            return Verdict.Error(problem);
        var (canary, control) = (window.Canary.LatenciesMs, window.Control.LatenciesMs);
        if (TrafficSummary.TooFew(window, settings.MinSamples, control.Count, canary.Count, "latency samples") is { } tooFew)
            return tooFew;
        var scale = 1 + settings.LatencyTolerance;
        var test = $"Mann-Whitney U, one-sided (canary > control x {scale.ToString("0.###", CultureInfo.InvariantCulture)})";
        var mw = MannWhitney.OneSidedGreater(canary, control.Select(l => l * scale).ToList());
        var result = TrafficSummary.Fields(window, mw.PValue);
        var p95 = result[ResultFields.P95];
        var summary = $"canary p95 {Ms(p95)} (p50 {Ms(result[ResultFields.P50])}), control p95 {Ms(result[ResultFields.ControlP95])} (p50 {Ms(result[ResultFields.ControlP50])})";
        if (p95 > settings.P95CeilingMs)
            return new Verdict(AnalysisPhase.Failed, p95, result, test, mw.PValue, $"{summary}: above the {Ms(settings.P95CeilingMs)} ceiling");
        if (mw.PValue < settings.Alpha)
            return new Verdict(AnalysisPhase.Failed, p95, result, test, mw.PValue,
                $"{summary}: slower than the control by more than {ErrorRateCheck.Percent(settings.LatencyTolerance)} (p = {ErrorRateCheck.P(mw.PValue)} < {ErrorRateCheck.P(settings.Alpha)})");
        return new Verdict(AnalysisPhase.Successful, p95, result, test, mw.PValue,
            $"{summary}: within the ceiling and the {ErrorRateCheck.Percent(settings.LatencyTolerance)} tolerance (p = {ErrorRateCheck.P(mw.PValue)})");
    }

    private static string Ms(double ms) => ms.ToString("0.#", CultureInfo.InvariantCulture) + " ms";
}
