namespace RagGate.Evaluation.GoldenSets;

/// <summary>A loaded golden set: its queries and where it came from.</summary>
public sealed record GoldenSet(string Path, string Sha256, IReadOnlyList<GoldenQuery> Queries);
