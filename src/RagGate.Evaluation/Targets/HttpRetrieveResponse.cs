namespace RagGate.Evaluation.Targets;

/// <summary>Response of <c>POST /retrieve</c>.</summary>
public sealed record HttpRetrieveResponse(IReadOnlyList<RetrievedDocument> Documents);
