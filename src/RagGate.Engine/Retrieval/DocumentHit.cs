namespace RagGate.Engine.Retrieval;

/// <summary>A document's best chunk in one ranking: the document row, the chunk row and its score.</summary>
internal readonly record struct DocumentHit(int Document, int Chunk, double Score);
