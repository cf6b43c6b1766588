using System.Text.Json.Serialization;

namespace RagGate.Engine.Ingestion;

/// <summary>One line of a JSONL or BEIR corpus; BEIR names the id <c>_id</c>.</summary>
internal sealed record CorpusLine(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("_id")] string? BeirId,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("text")] string? Text);
