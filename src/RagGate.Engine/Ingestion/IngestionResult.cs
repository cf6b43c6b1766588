namespace RagGate.Engine.Ingestion;

/// <summary>
/// What a corpus read produced: the documents in a deterministic order, the ids of documents
/// skipped because their text was empty, the detected format and the path that was read.
/// </summary>
public sealed record IngestionResult(
    IReadOnlyList<Document> Documents,
    IReadOnlyList<string> SkippedEmpty,
    string Format,
    string Source);
