namespace RagGate.Evaluation.Config;

/// <summary>A threshold on one metric, for example <c>recall@10 &gt;= 0.85</c>.</summary>
/// <param name="Metric">Canonical metric name.</param>
/// <param name="Operator">How the value is compared with the threshold.</param>
/// <param name="Threshold">The value compared against.</param>
/// <param name="Mode"><see cref="GateMode.Point"/> compares the value; <see cref="GateMode.LowerBound"/> compares the pessimistic end of its 95% interval.</param>
/// <param name="Category">Restricts the gate to the queries of one category.</param>
/// <param name="Source">Where the rule was written (file:line).</param>
public sealed record GateRule(string Metric, GateOperator Operator, double Threshold, GateMode Mode, string? Category, string Source)
{
    /// <summary>The rule as people write it.</summary>
    public string Text => $"{Metric} {WireNames.Of(Operator)} {Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        + (Category is null ? "" : $" [{Category}]")
        + (Mode == GateMode.LowerBound ? " (lower bound)" : "");
}
