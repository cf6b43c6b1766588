using RagGate.Engine.Ingestion;

namespace RagGate.Engine.Chunking;

/// <summary>
/// A piece of a document: its ordinal within the document and the character range
/// [<paramref name="Start"/>, <paramref name="End"/>) of <see cref="Document.Text"/> it covers.
/// </summary>
public sealed record Chunk(string DocumentId, int Ordinal, int Start, int End, string Text)
{
    /// <summary>
    /// The text that is embedded and indexed for this chunk: the document title, a space and the
    /// chunk text when there is a title. BEIR joins title and text this way, and SciFact parity needs it.
    /// </summary>
    public string EmbeddingText(string? title) =>
        string.IsNullOrWhiteSpace(title) ? Text : title + " " + Text;
}
