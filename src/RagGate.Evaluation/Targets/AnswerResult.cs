namespace RagGate.Evaluation.Targets;

/// <summary>What a target answered: the answer text, the documents it used, the exact context and token usage.</summary>
/// <param name="Answer">The answer shown to the user.</param>
/// <param name="Documents">The documents the answer was built from (this call's own retrieval), best first.</param>
/// <param name="Context">The context given to the generator.</param>
/// <param name="Usage">Token usage of the generation step.</param>
/// <param name="RetrievalLatency">Time spent retrieving, as the target measured it.</param>
/// <param name="Refused">True when the target declined to answer (nothing relevant found); null when it did not say.</param>
public sealed record AnswerResult(
    string Answer,
    IReadOnlyList<RetrievedDocument> Documents,
    string Context,
    TokenUsage Usage,
    TimeSpan RetrievalLatency,
    bool? Refused)
{
    /// <summary>
    /// The ranking of the retrieval the answer was built from, at the depth asked for, best first
    /// (<see cref="Documents"/> are its top); null when the target did not return one.
    /// </summary>
    public IReadOnlyList<RetrievedDocument>? Ranking { get; init; }
}
