using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Answering;

/// <summary>An answer with the documents it cites, the exact context it was built from and its token usage.</summary>
/// <param name="Text">The answer shown to the user (the refusal sentence when <paramref name="Refused"/>).</param>
/// <param name="Citations">The cited document ids, in the order they first appear.</param>
/// <param name="Refused">True when the answer is a refusal: nothing relevant was found.</param>
/// <param name="Context">The context given (or that would be given) to the generation model.</param>
/// <param name="ContextTokens">Tokens in <paramref name="Context"/>, counted with the generation model's tokenizer.</param>
/// <param name="Usage">Prompt, completion and context tokens of this answer.</param>
public sealed record Answer(
    string Text,
    IReadOnlyList<string> Citations,
    bool Refused,
    string Context,
    int ContextTokens,
    TokenUsage Usage)
{
    /// <summary>
    /// The answerer's own measure of how well the context supports an answer (the extractive
    /// answerer: the highest cosine similarity of the question and a context document); null when it has none.
    /// Refusal is decided from it, never from the answer's wording.
    /// </summary>
    public double? Support { get; init; }

    /// <summary>The target-contract form of this answer, for a run record.</summary>
    public AnswerResult ToAnswerResult(IReadOnlyList<RetrievedDocument> documents, TimeSpan retrievalLatency) =>
        new(Text, documents, Context, Usage, retrievalLatency, Refused);
}
