using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using RagGate.Evaluation.AnswerQuality;
using RagGate.Testing.Evaluators;

namespace RagGate.Testing.Tests.Evaluators;

public sealed class EvaluatorTests
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "What is the refund window?")];

    private static ChatResponse Answer(string text) => new(new ChatMessage(ChatRole.Assistant, text));

    [Fact]
    public async Task AnswerKeywordEvaluator_AnswerWithAKeyword_ScoresOneAndPasses()
    {
        var result = await new AnswerKeywordEvaluator().EvaluateAsync(Question, Answer("Within 30 days of the charge [refunds]."),
            additionalContext: [new ExpectedKeywordsEvaluatorContext(["30 days", "refund"])]);

        var metric = result.Get<NumericMetric>("answer_keyword_hit");
        Assert.Equal(1, metric.Value);
        Assert.False(metric.Interpretation!.Failed);
    }

    [Fact]
    public async Task AnswerKeywordEvaluator_RefusalHoldingAKeyword_ScoresZero()
    {
        var result = await new AnswerKeywordEvaluator().EvaluateAsync(Question, Answer("I don't know the refund window."),
            additionalContext: [new ExpectedKeywordsEvaluatorContext(["refund"])]);

        var metric = result.Get<NumericMetric>("answer_keyword_hit");
        Assert.Equal(0, metric.Value);
        Assert.True(metric.Interpretation!.Failed);
        Assert.Equal("the answer is a refusal", metric.Reason);
    }

    [Fact]
    public async Task AnswerKeywordEvaluator_NoKeywordsContext_IsAnErrorDiagnosticNotAnException()
    {
        var result = await new AnswerKeywordEvaluator().EvaluateAsync(Question, Answer("Within 30 days."));

        var metric = result.Get<NumericMetric>("answer_keyword_hit");
        Assert.Null(metric.Value);
        Assert.Contains(metric.Diagnostics!, d => d.Severity == EvaluationDiagnosticSeverity.Error);
    }

    [Fact]
    public async Task HallucinationMarkerEvaluator_AnswerWithAMarker_FailsNamingIt()
    {
        var result = await new HallucinationMarkerEvaluator().EvaluateAsync(Question, Answer("As an AI, I believe it is 30 days."));

        var metric = result.Get<BooleanMetric>("hallucination_free");
        Assert.False(metric.Value);
        Assert.True(metric.Interpretation!.Failed);
        Assert.Equal("the answer contains 'As an AI'", metric.Reason);
    }

    [Fact]
    public async Task RefusalEvaluator_RefusalMarker_IsARefusal()
    {
        var refused = await new RefusalEvaluator().EvaluateAsync(Question, Answer("I don't know."));
        var answered = await new RefusalEvaluator().EvaluateAsync(Question, Answer("30 days."));

        Assert.True(refused.Get<BooleanMetric>(RefusalEvaluator.RefusedMetricName).Value);
        Assert.False(answered.Get<BooleanMetric>(RefusalEvaluator.RefusedMetricName).Value);
    }

    [Fact]
    public async Task LexicalGroundednessEvaluator_EqualsTheScorersLexicalGroundedness()
    {
        const string answer = "Annual plans can be refunded within 30 days. Monthly plans get store credit instead.";
        const string context = "Annual plans can be refunded within 30 days of the charge. Monthly plans are not refunded.";

        var result = await new LexicalGroundednessEvaluator(threshold: 0.9).EvaluateAsync(Question, Answer(answer),
            additionalContext: [new GroundingContextEvaluatorContext(context)]);

        var metric = result.Get<NumericMetric>("groundedness_lexical");
        Assert.Equal(Groundedness.Lexical(answer, context), metric.Value);
        Assert.Equal(0.5, metric.Value); // the first sentence is in the context, the second is not
        Assert.True(metric.Interpretation!.Failed);
    }
}
