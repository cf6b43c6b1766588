namespace RagGate.Evaluation.Runs;

/// <summary>A retrieved document as recorded in a run: id, score, 1-based rank and optionally its matched text.</summary>
public sealed record RankedDocument(string Id, double Score, int Rank)
{
    /// <summary>The matched chunk text (kept for keyword coverage and groundedness), when recorded.</summary>
    public string? Text { get; init; }
}
