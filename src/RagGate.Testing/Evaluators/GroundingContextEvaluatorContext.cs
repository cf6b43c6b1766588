using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace RagGate.Testing.Evaluators;

/// <summary>The retrieved context the answer was built from, for <see cref="LexicalGroundednessEvaluator"/>.</summary>
public sealed class GroundingContextEvaluatorContext(string context) : EvaluationContext(ContextName, new TextContent(context))
{
    /// <summary>The context's name in an evaluation.</summary>
    public const string ContextName = "Grounding context (RagGate)";

    /// <summary>The context text.</summary>
    public string Context { get; } = context;
}
