using System.Text.Json.Serialization;

namespace RagGate.Evaluation.Targets;

/// <summary>One retrieved document: its id, score, 1-based rank and the text that matched (its best chunk).</summary>
public sealed record RetrievedDocument(string Id, double Score, int Rank, string Text)
{
    /// <summary>
    /// The document's title when the embedded engine knows it (not part of <see cref="Text"/>); the
    /// extractive answerer weighs it. Not part of the HTTP contract or run.json, nor of equality:
    /// a ranking read back over HTTP equals the engine's own.
    /// </summary>
    [JsonIgnore]
    public string? Title { get; init; }

    /// <summary>Equal when id, score, rank and text are (the contract's fields; <see cref="Title"/> is left out).</summary>
    public bool Equals(RetrievedDocument? other) =>
        other is not null && Id == other.Id && Score.Equals(other.Score) && Rank == other.Rank && Text == other.Text;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Score, Rank, Text);
}
