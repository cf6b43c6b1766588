using Microsoft.Extensions.AI.Evaluation;
using RagGate.Evaluation.AnswerQuality;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Metrics;

namespace RagGate.Testing.Evaluators;

/// <summary>RagGate's <c>hallucination_free</c> check: true when the answer holds none of the hallucination markers.</summary>
public sealed class HallucinationMarkerEvaluator(IReadOnlyList<string>? markers = null) : TextEvaluator(MetricCatalog.HallucinationFree)
{
    private readonly IReadOnlyList<string> _markers = markers ?? EvalSettings.DefaultHallucinationMarkers;

    /// <inheritdoc />
    protected override EvaluationMetric Evaluate(string answer, IEnumerable<EvaluationContext> context)
    {
        var found = TextChecks.FindMarkers(answer, _markers);
        var metric = new BooleanMetric(MetricName, found.Count == 0,
            found.Count == 0 ? "no hallucination marker" : $"the answer contains {string.Join(", ", found.Select(m => $"'{m}'"))}");
        metric.Interpretation = new EvaluationMetricInterpretation(found.Count == 0 ? EvaluationRating.Good : EvaluationRating.Unacceptable, failed: found.Count > 0, metric.Reason);
        return metric;
    }
}
