using Microsoft.Extensions.AI.Evaluation;
using RagGate.Evaluation.AnswerQuality;
using RagGate.Evaluation.Metrics;

namespace RagGate.Testing.Evaluators;

/// <summary>
/// RagGate's <c>groundedness_lexical</c>: the share of the answer's sentences whose content words (80% of them) appear
/// in the context it was built from (0 to 1). Needs a <see cref="GroundingContextEvaluatorContext"/>; fails below <paramref name="threshold"/>.
/// </summary>
public sealed class LexicalGroundednessEvaluator(double threshold = 0.5) : TextEvaluator(MetricCatalog.GroundednessLexical)
{
    /// <inheritdoc />
    protected override EvaluationMetric Evaluate(string answer, IEnumerable<EvaluationContext> context)
    {
        var metric = new NumericMetric(MetricName);
        if (Require<GroundingContextEvaluatorContext>(context, metric) is not { } grounding) return metric;

        metric.Value = Groundedness.Lexical(answer, grounding.Context);
        if (metric.Value is { } value)
        {
            var failed = value < threshold;
            metric.Reason = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value:0.####} of the answer's sentences are supported by the context; required {threshold:0.####}");
            metric.Interpretation = new EvaluationMetricInterpretation(failed ? EvaluationRating.Poor : EvaluationRating.Good, failed, metric.Reason);
        }
        else
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Informational("the answer has no content words"));
        }

        metric.AddOrUpdateContext(grounding);
        return metric;
    }
}
