using System.Globalization;
using RagGate.Evaluation.Statistics;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>
/// The quality measure: golden probes scored on both revisions, compared as paired data with the evaluation's
/// one-sided paired randomization test (the same one <c>raggate compare</c> gates regressions with), Holm-corrected
/// over recall@k and the answer checks. It fails when a drop is larger than allowed and significant, as a
/// regression rule does.
/// </summary>
internal static class QualityCheck
{
    public const string Test = "paired randomization (sign-flip), one-sided, Holm over recall@k and answer checks";

    public static Verdict Judge(IReadOnlyList<ProbePair> probes, ProbeSettings settings, double alpha)
    {
        if (probes.Count == 0)
            return Verdict.Error("no golden probes were sent");
        var scored = probes.Where(p => p.Control.Scored && p.Canary.Scored).ToList();
        var failed = probes.Where(p => !p.Control.Scored || !p.Canary.Scored).ToList();
        if (scored.Any(p => !InUnitRange(p.Control.RecallAtK) || !InUnitRange(p.Canary.RecallAtK)))
            return Verdict.Error("a probe's recall@k is outside [0, 1]");
        if (scored.Count < settings.MinProbes)
        {
            if (failed.Count > 0)
                return Verdict.Error($"{failed.Count} of {probes.Count} probes failed ({FirstError(failed[0])}), {scored.Count} paired, at least {settings.MinProbes} needed");
            return new Verdict(AnalysisPhase.Inconclusive, null, Fields(scored, double.NaN), "", null,
                $"too few paired probes for a verdict: {scored.Count}, at least {settings.MinProbes} needed")
            { TooFewSamples = true };
        }
        return Compare(scored, settings, alpha);
    }

    private static Verdict Compare(List<ProbePair> scored, ProbeSettings settings, double alpha)
    {
        var recall = Test2(scored, p => p.RecallAtK, settings);
        var answered = scored.Where(p => p.Control.AnswerPassed is not null && p.Canary.AnswerPassed is not null).ToList();
        (double Drop, double P)? answer = answered.Count >= settings.MinProbes ? Test2(answered, p => p.AnswerPassed!.Value ? 1 : 0, settings) : null;
        var adjusted = Holm.Adjust(answer is null ? [recall.P] : [recall.P, answer.Value.P]);
        var result = Fields(scored, adjusted.Min());
        var recallFails = recall.Drop > settings.MaxRecallDrop && adjusted[0] < alpha;
        var answerFails = answer is { } a && a.Drop > settings.MaxAnswerDrop && adjusted[1] < alpha;
        var text = $"recall@{settings.K.ToString(CultureInfo.InvariantCulture)} {F(result[ResultFields.ControlRecall])} -> {F(result[ResultFields.Recall])} "
            + $"(drop {F(recall.Drop)}, allowed {F(settings.MaxRecallDrop)}, p = {ErrorRateCheck.P(adjusted[0])})"
            + (answer is { } b ? $", answer checks {ErrorRateCheck.Percent(result[ResultFields.ControlAnswerPassRate])} -> {ErrorRateCheck.Percent(result[ResultFields.AnswerPassRate])} (drop {F(b.Drop)}, allowed {F(settings.MaxAnswerDrop)}, p = {ErrorRateCheck.P(adjusted[1])})" : ", answer checks not compared (too few answered probes)")
            + $" over {scored.Count} paired probes";
        var phase = recallFails || answerFails ? AnalysisPhase.Failed : AnalysisPhase.Successful;
        var reason = phase == AnalysisPhase.Failed ? $"live quality dropped: {text}" : $"live quality held: {text}";
        return new Verdict(phase, recall.Drop, result, Test, adjusted.Min(), reason);
    }

    private static (double Drop, double P) Test2(List<ProbePair> pairs, Func<ProbeOutcome, double> value, ProbeSettings settings)
    {
        var control = pairs.Select(p => value(p.Control)).ToList();
        var canary = pairs.Select(p => value(p.Canary)).ToList();
        var p = PairedTest.OneSidedWorse(control, canary, higherIsBetter: true, settings.Permutations, settings.Seed);
        return (control.Average() - canary.Average(), p);
    }

    private static Dictionary<string, double> Fields(List<ProbePair> scored, double p)
    {
        double Mean(IEnumerable<double> values) => values.DefaultIfEmpty(double.NaN).Average();
        var answered = scored.Where(x => x.Control.AnswerPassed is not null && x.Canary.AnswerPassed is not null).ToList();
        var fields = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [ResultFields.Recall] = Mean(scored.Select(x => x.Canary.RecallAtK)),
            [ResultFields.ControlRecall] = Mean(scored.Select(x => x.Control.RecallAtK)),
            [ResultFields.AnswerPassRate] = Mean(answered.Select(x => x.Canary.AnswerPassed!.Value ? 1.0 : 0.0)),
            [ResultFields.ControlAnswerPassRate] = Mean(answered.Select(x => x.Control.AnswerPassed!.Value ? 1.0 : 0.0)),
            [ResultFields.Probes] = scored.Count,
            [ResultFields.PValue] = p,
        };
        fields[ResultFields.RecallDrop] = fields[ResultFields.ControlRecall] - fields[ResultFields.Recall];
        fields[ResultFields.AnswerDrop] = fields[ResultFields.ControlAnswerPassRate] - fields[ResultFields.AnswerPassRate];
        return fields;
    }

    private static string FirstError(ProbePair pair) =>
        pair.Canary.Error is { } canary ? $"canary: {canary}" : $"control: {pair.Control.Error}";

    private static bool InUnitRange(double value) => value is >= 0 and <= 1;

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
