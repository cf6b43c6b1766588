namespace RagGate.Evaluation.Targets;

/// <summary>Response of <c>POST /answer</c>.</summary>
public sealed record HttpAnswerResponse(
    string Answer,
    IReadOnlyList<RetrievedDocument> Documents,
    string? Context,
    HttpUsage? Usage,
    bool? Refused,
    double RetrievalMs);
