namespace RagGate.Engine.Indexing;

/// <summary>How far an index build is: documents whose chunks are all embedded, and chunks embedded.</summary>
public sealed record IndexProgress(int DocumentsDone, int DocumentCount, int ChunksDone, int ChunkCount);
