namespace RagGate.Evaluation.Comparing;

/// <summary>A relevant document's rank in both runs; null means not retrieved.</summary>
public sealed record LostDocument(string DocId, int? BaselineRank, int? CandidateRank);
