namespace RagGate.Evaluation.Targets;

/// <summary>One retrieved document: its id, score, 1-based rank and the text that matched (its best chunk).</summary>
public sealed record RetrievedDocument(string Id, double Score, int Rank, string Text);
