namespace RagGate.Evaluation.Targets;

/// <summary>Body of <c>POST /retrieve</c>.</summary>
public sealed record HttpRetrieveRequest(string Query, int K);
