using RagGate.Evaluation.Config;

namespace RagGate.Evaluation.Gates;

/// <summary>The verdict of one gate: what was required, what was measured, and why it passed or failed.</summary>
public sealed class GateResult
{
    /// <summary>Readable rule, for example <c>recall@10 &gt;= 0.85</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Metric name.</summary>
    public string Metric { get; set; } = "";

    /// <summary>Comparison operator: <c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c>, or <c>max_drop</c> for regressions.</summary>
    public GateOperator Operator { get; set; }

    /// <summary>Threshold (or allowed drop).</summary>
    public double Threshold { get; set; }

    /// <summary><c>point</c>, <c>lower-bound</c> (the pessimistic end of the interval) or <c>regression</c>.</summary>
    public GateMode Mode { get; set; }

    /// <summary>The category the gate applies to, or null for all queries.</summary>
    public string? Category { get; set; }

    /// <summary>The measured value.</summary>
    public double Actual { get; set; }

    /// <summary>The value the gate compared (the bound in lower-bound mode, the delta in regression mode).</summary>
    public double Compared { get; set; }

    /// <summary>For regression gates: the p-value after Holm correction.</summary>
    public double? PValue { get; set; }

    /// <summary>Whether the gate passed.</summary>
    public bool Passed { get; set; }

    /// <summary>One sentence: why it passed or failed.</summary>
    public string Reason { get; set; } = "";
}
