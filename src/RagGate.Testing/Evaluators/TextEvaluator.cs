using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace RagGate.Testing.Evaluators;

/// <summary>
/// The base of RagGate's evaluators: each computes one metric from the response text and the contexts
/// it was given, synchronously, with RagGate's own check code; none calls a model.
/// </summary>
/// <param name="metricName">The one metric the evaluator reports.</param>
public abstract class TextEvaluator(string metricName) : IEvaluator
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames { get; } = [metricName];

    /// <summary>The metric's name.</summary>
    protected string MetricName => metricName;

    /// <inheritdoc />
    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelResponse);
        return ValueTask.FromResult(new EvaluationResult(Evaluate(modelResponse.Text, additionalContext ?? [])));
    }

    /// <summary>The metric for <paramref name="answer"/>, given <paramref name="context"/>.</summary>
    protected abstract EvaluationMetric Evaluate(string answer, IEnumerable<EvaluationContext> context);

    /// <summary>
    /// The context of type <typeparamref name="T"/> in <paramref name="context"/>; when it is missing, null,
    /// with an error diagnostic on <paramref name="metric"/> naming it.
    /// </summary>
    protected static T? Require<T>(IEnumerable<EvaluationContext> context, EvaluationMetric metric)
        where T : EvaluationContext
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (context.OfType<T>().FirstOrDefault() is { } found) return found;
        metric.AddDiagnostics(EvaluationDiagnostic.Error($"{typeof(T).Name} was not given"));
        return null;
    }
}
