namespace RagGate.Evaluation.Config;

/// <summary>A threshold on one metric, for example <c>recall@10 &gt;= 0.85</c>.</summary>
/// <param name="Metric">Canonical metric name.</param>
/// <param name="Operator">One of <c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c>.</param>
/// <param name="Threshold">The value compared against.</param>
/// <param name="Mode"><c>point</c> compares the value; <c>lower-bound</c> compares the pessimistic end of its 95% interval.</param>
/// <param name="Category">Restricts the gate to the queries of one category.</param>
/// <param name="Source">Where the rule was written (file:line).</param>
public sealed record GateRule(string Metric, string Operator, double Threshold, string Mode, string? Category, string Source)
{
    /// <summary>Point mode: gate on the measured value.</summary>
    public const string PointMode = "point";

    /// <summary>Lower-bound mode: gate on the pessimistic end of the 95% interval.</summary>
    public const string BoundMode = "lower-bound";

    /// <summary>The rule as people write it.</summary>
    public string Text => $"{Metric} {Operator} {Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        + (Category is null ? "" : $" [{Category}]")
        + (Mode == BoundMode ? " (lower bound)" : "");
}
