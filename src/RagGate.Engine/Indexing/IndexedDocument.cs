namespace RagGate.Engine.Indexing;

/// <summary>A document as the index keeps it: its id and title (the text lives in its chunks).</summary>
public sealed record IndexedDocument(string Id, string? Title);
