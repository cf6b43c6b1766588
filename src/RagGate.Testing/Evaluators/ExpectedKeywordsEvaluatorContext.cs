using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace RagGate.Testing.Evaluators;

/// <summary>The golden query's expected keywords, for <see cref="AnswerKeywordEvaluator"/>.</summary>
public sealed class ExpectedKeywordsEvaluatorContext(IReadOnlyList<string> keywords)
    : EvaluationContext(ContextName, new TextContent(string.Join(", ", keywords)))
{
    /// <summary>The context's name in an evaluation.</summary>
    public const string ContextName = "Expected keywords (RagGate)";

    /// <summary>The keywords, any of which the answer should hold.</summary>
    public IReadOnlyList<string> Keywords { get; } = keywords;
}
