namespace RagGate.Evaluation.Reporting;

/// <summary>The per-category table every report shows: one row per category, one formatted cell per metric.</summary>
/// <param name="Metrics">The metric columns, in scorecard order.</param>
/// <param name="Rows">One row per category, in scorecard order.</param>
public sealed record CategoryTable(IReadOnlyList<string> Metrics, IReadOnlyList<CategoryRow> Rows);
