namespace RagGate.Evaluation.Targets;

/// <summary>The documents a target retrieved for a query, best first.</summary>
public sealed record RetrievalResult(IReadOnlyList<RetrievedDocument> Documents);
