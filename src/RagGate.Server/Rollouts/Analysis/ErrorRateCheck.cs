using System.Globalization;
using RagGate.Evaluation.Statistics;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>
/// The errors measure: the canary fails when its error rate is above the absolute ceiling, or when Fisher's
/// exact test finds it higher than the control's at the judge's alpha (one-sided).
/// </summary>
internal static class ErrorRateCheck
{
    public const string Test = "Fisher exact, one-sided (canary error rate > control)";

    public static Verdict Judge(TrafficWindow window, JudgeSettings settings)
    {
        if (TrafficSummary.Problem(window) is { } problem)
            return Verdict.Error(problem);
        var (canary, control) = (window.Canary, window.Control);
        if (TrafficSummary.TooFew(window, settings.MinSamples, control.Requests, canary.Requests, "requests") is { } tooFew)
            return tooFew;
        var p = FisherExact.OneSidedGreater(canary.Errors, canary.Requests, control.Errors, control.Requests);
        var result = TrafficSummary.Fields(window, p);
        var rate = result[ResultFields.ErrorRate];
        var summary = $"canary {canary.Errors}/{canary.Requests} errors ({Percent(rate)}), control {control.Errors}/{control.Requests} ({Percent(result[ResultFields.ControlErrorRate])})";
        if (rate > settings.ErrorRateCeiling)
            return new Verdict(AnalysisPhase.Failed, rate, result, Test, p, $"{summary}: above the {Percent(settings.ErrorRateCeiling)} ceiling");
        if (p < settings.Alpha)
            return new Verdict(AnalysisPhase.Failed, rate, result, Test, p, $"{summary}: higher than the control (p = {P(p)} < {P(settings.Alpha)})");
        return new Verdict(AnalysisPhase.Successful, rate, result, Test, p, $"{summary}: within the ceiling and not higher than the control (p = {P(p)})");
    }

    internal static string Percent(double rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    internal static string P(double p) => p.ToString("0.####", CultureInfo.InvariantCulture);
}
