namespace RagGate.Engine.Indexing;

/// <summary>A row of an index (a chunk) and its score for a query.</summary>
public readonly record struct SearchHit(int Row, double Score);
