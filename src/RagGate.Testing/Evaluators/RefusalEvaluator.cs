using Microsoft.Extensions.AI.Evaluation;
using RagGate.Evaluation.AnswerQuality;
using RagGate.Evaluation.Config;

namespace RagGate.Testing.Evaluators;

/// <summary>
/// Whether the answer is a refusal by RagGate's refusal markers. Not a pass or fail by itself: a refusal is right
/// for an unanswerable question and wrong for an answerable one, so the metric carries no interpretation.
/// </summary>
public sealed class RefusalEvaluator(IReadOnlyList<string>? refusalMarkers = null) : TextEvaluator(RefusedMetricName)
{
    /// <summary>The metric's name.</summary>
    public const string RefusedMetricName = "refused";

    private readonly IReadOnlyList<string> _refusalMarkers = refusalMarkers ?? EvalSettings.DefaultRefusalMarkers;

    /// <inheritdoc />
    protected override EvaluationMetric Evaluate(string answer, IEnumerable<EvaluationContext> context)
    {
        var refused = AnswerChecks.IsRefusal(answer, refusedBySystem: null, _refusalMarkers);
        return new BooleanMetric(MetricName, refused, refused ? "the answer is a refusal" : "the answer is not a refusal");
    }
}
