using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RagGate.Evaluation.AnswerQuality;
using RagGate.Evaluation.Config;

namespace RagGate.Testing.Evaluators;

/// <summary>
/// Whether the answer is a refusal by RagGate's refusal markers. Not a pass or fail by itself: a refusal is right
/// for an unanswerable question and wrong for an answerable one, so the metric carries no interpretation.
/// </summary>
public sealed class RefusalEvaluator(IReadOnlyList<string>? refusalMarkers = null) : IEvaluator
{
    /// <summary>The metric's name.</summary>
    public const string RefusedMetricName = "refused";

    private readonly IReadOnlyList<string> _refusalMarkers = refusalMarkers ?? EvalSettings.DefaultRefusalMarkers;

    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames { get; } = [RefusedMetricName];

    /// <inheritdoc />
    public ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        var refused = AnswerChecks.IsRefusal(modelResponse.Text, refusedBySystem: null, _refusalMarkers);
        var metric = new BooleanMetric(RefusedMetricName, refused, refused ? "the answer is a refusal" : "the answer is not a refusal");
        return ValueTask.FromResult(new EvaluationResult(metric));
    }
}
