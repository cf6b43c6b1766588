namespace RagGate.Evaluation.Reporting;

/// <summary>One category of a <see cref="CategoryTable"/>.</summary>
/// <param name="Category">The category name.</param>
/// <param name="N">Queries in the category.</param>
/// <param name="Values">The formatted value of each metric column (n/a when the category has none).</param>
public sealed record CategoryRow(string Category, int N, IReadOnlyList<string> Values);
