using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Analysis;

/// <summary>
/// Applies a metric's <c>successCondition</c> and <c>failureCondition</c> to a check's verdict, with Argo
/// Rollouts' rules: failure met -&gt; Failed; success met -&gt; Successful; only success given and not met -&gt;
/// Failed; only failure given and not met -&gt; Successful; both given and neither met -&gt; Inconclusive. The
/// conditions add to the judge's checks and never overrule them: a Failed, Inconclusive or Error verdict stands.
/// </summary>
internal static class ConditionCheck
{
    public static Verdict Apply(MetricSpec metric, Verdict verdict)
    {
        if (verdict.Phase != AnalysisPhase.Successful || (metric.SuccessCondition is null && metric.FailureCondition is null))
            return verdict;
        var used = (metric.SuccessCondition?.Fields ?? []).Concat(metric.FailureCondition?.Fields ?? []);
        var undefined = used.FirstOrDefault(f => !verdict.Result.TryGetValue(f, out var v) || double.IsNaN(v));
        if (undefined is not null)
            return Verdict.Error($"result.{undefined} is undefined for this window, so the conditions cannot be evaluated") with { Result = verdict.Result };
        if (metric.FailureCondition is { } failure && failure.Evaluate(verdict.Result))
            return verdict with { Phase = AnalysisPhase.Failed, Reason = $"failureCondition '{failure.Text}' met; {verdict.Reason}" };
        if (metric.SuccessCondition is { } success)
        {
            if (success.Evaluate(verdict.Result))
                return verdict with { Reason = $"successCondition '{success.Text}' met; {verdict.Reason}" };
            return metric.FailureCondition is null
                ? verdict with { Phase = AnalysisPhase.Failed, Reason = $"successCondition '{success.Text}' not met; {verdict.Reason}" }
                : verdict with { Phase = AnalysisPhase.Inconclusive, Reason = $"neither successCondition '{success.Text}' nor failureCondition '{metric.FailureCondition.Text}' met; {verdict.Reason}" };
        }
        return verdict with { Reason = $"failureCondition '{metric.FailureCondition!.Text}' not met; {verdict.Reason}" };
    }
}
