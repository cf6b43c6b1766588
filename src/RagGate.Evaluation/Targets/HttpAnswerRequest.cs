namespace RagGate.Evaluation.Targets;

/// <summary>Body of <c>POST /answer</c>.</summary>
public sealed record HttpAnswerRequest(string Query);
