namespace RagGate.Evaluation.Scoring;

/// <summary>One pass/fail check of a query: a failure is data with a reason, not an exception.</summary>
public sealed record QueryCheck(string Name, bool Passed, string? Reason);
