using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Pipeline;

/// <summary>An answer with everything behind it: sources, context, token usage and timings.</summary>
/// <param name="Text">The answer, with <c>[doc-id]</c> citations.</param>
/// <param name="Sources">The retrieved documents, best first.</param>
/// <param name="Context">The context given to the answerer.</param>
/// <param name="Usage">Tokens of the prompt, completion and context.</param>
/// <param name="Refused">True when nothing relevant was found.</param>
/// <param name="RetrievalLatency">Time spent retrieving.</param>
/// <param name="TotalLatency">Time spent end to end.</param>
public sealed record PipelineAnswer(
    string Text,
    IReadOnlyList<RetrievedDocument> Sources,
    string Context,
    TokenUsage Usage,
    bool Refused,
    TimeSpan RetrievalLatency,
    TimeSpan TotalLatency);
