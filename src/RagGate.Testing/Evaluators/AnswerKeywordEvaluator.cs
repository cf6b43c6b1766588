using Microsoft.Extensions.AI.Evaluation;
using RagGate.Evaluation.AnswerQuality;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Metrics;

namespace RagGate.Testing.Evaluators;

/// <summary>
/// RagGate's <c>answer_keyword_hit</c>: 1 when the answer (not a refusal) holds at least one expected keyword, else 0.
/// Needs an <see cref="ExpectedKeywordsEvaluatorContext"/>.
/// </summary>
public sealed class AnswerKeywordEvaluator(IReadOnlyList<string>? refusalMarkers = null) : TextEvaluator(MetricCatalog.AnswerKeywordHit)
{
    private readonly IReadOnlyList<string> _refusalMarkers = refusalMarkers ?? EvalSettings.DefaultRefusalMarkers;

    /// <inheritdoc />
    protected override EvaluationMetric Evaluate(string answer, IEnumerable<EvaluationContext> context)
    {
        var metric = new NumericMetric(MetricName);
        if (Require<ExpectedKeywordsEvaluatorContext>(context, metric) is not { } keywords) return metric;

        var refused = AnswerChecks.IsRefusal(answer, refusedBySystem: null, _refusalMarkers);
        var hit = AnswerChecks.KeywordHit(answer, refused, keywords.Keywords);
        metric.Value = hit ? 1 : 0;
        metric.Reason = hit ? "the answer holds an expected keyword"
            : refused ? "the answer is a refusal" : $"the answer holds none of: {string.Join(", ", keywords.Keywords.Select(k => $"'{k}'"))}";
        metric.Interpretation = new EvaluationMetricInterpretation(hit ? EvaluationRating.Good : EvaluationRating.Unacceptable, failed: !hit, metric.Reason);
        metric.AddOrUpdateContext(keywords);
        return metric;
    }
}
