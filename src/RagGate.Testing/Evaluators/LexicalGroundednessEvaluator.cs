using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RagGate.Evaluation.AnswerQuality;
using RagGate.Evaluation.Metrics;

namespace RagGate.Testing.Evaluators;

/// <summary>
/// RagGate's <c>groundedness_lexical</c>: the share of the answer's sentences whose content words (80% of them) appear
/// in the context it was built from (0 to 1). Needs a <see cref="GroundingContextEvaluatorContext"/>; fails below <paramref name="threshold"/>.
/// </summary>
public sealed class LexicalGroundednessEvaluator(double threshold = 0.5) : IEvaluator
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames { get; } = [MetricCatalog.GroundednessLexical];

    /// <inheritdoc />
    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        var metric = new NumericMetric(MetricCatalog.GroundednessLexical);
        if (additionalContext?.OfType<GroundingContextEvaluatorContext>().FirstOrDefault() is not { } grounding)
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error($"{nameof(GroundingContextEvaluatorContext)} was not given"));
            return ValueTask.FromResult(new EvaluationResult(metric));
        }

        metric.Value = Groundedness.Lexical(modelResponse.Text, grounding.Context);
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
        return ValueTask.FromResult(new EvaluationResult(metric));
    }
}
