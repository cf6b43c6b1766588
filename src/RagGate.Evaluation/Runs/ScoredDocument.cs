namespace RagGate.Evaluation.Runs;

/// <summary>A document id with the score a system gave it for one query, as in a TREC run line.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Score">The retrieval score; higher is retrieved first.</param>
public readonly record struct ScoredDocument(string Id, double Score);
