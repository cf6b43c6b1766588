using System.Text.Json.Serialization;

namespace RagGate.Engine.Indexing;

/// <summary>One line of <c>documents.jsonl</c>.</summary>
internal sealed record DocumentRecord(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string? Title);

/// <summary>One line of <c>chunks.jsonl</c>: the document's row, ordinal, character range and text.</summary>
internal sealed record ChunkRecord(
    [property: JsonPropertyName("doc")] int Document,
    [property: JsonPropertyName("ord")] int Ordinal,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("end")] int End,
    [property: JsonPropertyName("text")] string Text);
