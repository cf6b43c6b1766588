using System.Text.Json.Serialization;

namespace RagGate.Evaluation.Targets;

/// <summary>One retrieved document: its id, score, 1-based rank and the text that matched (its best chunk).</summary>
public sealed record RetrievedDocument(string Id, double Score, int Rank, string Text)
{
    /// <summary>
    /// The document's title when the embedded engine knows it (not part of <see cref="Text"/>); the
    /// extractive answerer weighs it. Not part of the HTTP contract or run.json.
    /// </summary>
    [JsonIgnore]
    public string? Title { get; init; }
}
