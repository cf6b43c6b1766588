namespace RagGate.Engine.Ingestion;

/// <summary>One source document: its unique id, optional title and full text.</summary>
public sealed record Document(string Id, string? Title, string Text);
