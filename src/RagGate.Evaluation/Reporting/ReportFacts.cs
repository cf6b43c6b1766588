using RagGate.Evaluation.Comparing;
using RagGate.Evaluation.Cost;
using RagGate.Evaluation.Gates;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Reporting;

/// <summary>Facts every writer derives from a report the same way, so the formats never disagree.</summary>
public static class ReportFacts
{
    /// <summary>The display unit of a metric: the scorecard's when it lists the metric, else a guess from the name.</summary>
    public static string UnitOf(EvaluationReport report, string metric)
    {
        if (report.Scorecard.Find(metric) is { } summary)
            return summary.Unit;
        if (metric.EndsWith("_ms", StringComparison.OrdinalIgnoreCase))
            return "ms";
        if (metric.Contains("token", StringComparison.OrdinalIgnoreCase))
            return "tokens";
        return metric.Contains("cost", StringComparison.OrdinalIgnoreCase) ? report.Scorecard.Cost.Currency : "";
    }

    /// <summary>The first per-query metric whose name starts with <paramref name="prefix"/> (for example <c>recall@</c>), in scorecard order.</summary>
    public static string? PickQueryMetric(EvaluationReport report, string prefix)
    {
        foreach (var metric in report.Scorecard.Metrics)
        {
            if (metric.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return metric.Name;
        }

        return report.Scorecard.Queries
            .SelectMany(q => q.Values.Keys)
            .Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>The per-category table with formatted values, or null when the scorecard has no categories.</summary>
    public static CategoryTable? Categories(EvaluationReport report)
    {
        var rows = report.Scorecard.Categories;
        if (rows.Count == 0)
            return null;
        var metrics = rows.Select(r => r.Metric).Distinct(StringComparer.Ordinal).ToList();
        var table = rows.Select(r => r.Category).Distinct(StringComparer.Ordinal).Select(category => new CategoryRow(
            category,
            rows.First(r => r.Category == category).N,
            [.. metrics.Select(metric => rows.Find(r => r.Category == category && r.Metric == metric) is { } row
                ? ReportFormat.Value(row.Value, UnitOf(report, metric))
                : ReportFormat.NotAvailable)]));
        return new CategoryTable(metrics, [.. table]);
    }

    /// <summary>Every failed check with its query, in golden-set order.</summary>
    public static IReadOnlyList<(QueryScore Query, QueryCheck Check)> FailedChecks(EvaluationReport report) =>
        [.. report.Scorecard.Queries.SelectMany(q => q.Checks.Where(c => !c.Passed).Select(c => (q, c)))];

    /// <summary>Number of query checks in the report.</summary>
    public static int CheckCount(EvaluationReport report) => report.Scorecard.Queries.Sum(q => q.Checks.Count);

    /// <summary>The identity as label/value pairs, leaving out what is unknown; hashes shortened to 12 characters.</summary>
    public static IReadOnlyList<(string Label, string Value)> Identity(EvaluationReport report)
    {
        var system = report.System;
        var parts = new List<(string, string)> { ("system", system.Name) };
        Add(parts, "embedding", system.EmbeddingModel);
        Add(parts, "generation", system.GenerationModel);
        Add(parts, "retriever", system.Retriever);
        Add(parts, "config", Short(system.ConfigHash));
        Add(parts, "index", Short(system.IndexHash));
        Add(parts, "git", Short(report.GitSha));
        Add(parts, "golden set", report.GoldenSet);
        foreach (var (key, value) in system.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            Add(parts, key, value);
        return parts;
    }

    /// <summary>A one-line description of another system (the baseline).</summary>
    public static string Describe(SystemIdentity system)
    {
        var parts = new List<string> { system.Name };
        if (!string.IsNullOrEmpty(system.EmbeddingModel))
            parts.Add("embedding " + system.EmbeddingModel);
        if (!string.IsNullOrEmpty(system.Retriever))
            parts.Add("retriever " + system.Retriever);
        if (!string.IsNullOrEmpty(system.ConfigHash))
            parts.Add("config " + Short(system.ConfigHash));
        return string.Join(" · ", parts);
    }

    /// <summary>The gate's rule with its category, for tables.</summary>
    public static string GateLabel(GateResult gate) =>
        gate.Category is { Length: > 0 } category && !gate.Name.Contains(category, StringComparison.Ordinal)
            ? $"{gate.Name} (category {category})"
            : gate.Name;

    /// <summary>Says which token counts are RagGate's own, when the target reported no usage for some answers.</summary>
    public static string? EstimatedNote(CostSummary cost) => cost.Estimated
        ? $"Tokens estimated: the target reported no usage for {cost.EstimatedAnswers} of {cost.Answers} answers, so RagGate counted query, context and answer with the {cost.Tokenizer} tokenizer (set target.usage: required to fail them instead)."
        : null;

    /// <summary>Number of failed gates.</summary>
    public static int FailedGates(EvaluationReport report) => report.Gates.Count(g => !g.Passed);

    /// <summary>How the comparison rows were tested, in one sentence for every view.</summary>
    public const string ComparisonMethod =
        "p: one-sided paired sign-flip test of \"got worse\"; Holm's correction runs over the regression rules only; "
        + "each interval's tails are at alpha/m (m rules; alpha 0.05 when not gated), so its worse end is the bound of that test.";

    /// <summary>The delta interval with its two-sided level, for example <c>[-0.05, 0.01] 90%</c>.</summary>
    public static string DeltaInterval(MetricComparison row, string unit) =>
        $"{ReportFormat.Interval(row.DeltaLower, row.DeltaUpper, unit)} {(row.IntervalConfidence * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}%";

    /// <summary>A rank for display: the number, or "not retrieved".</summary>
    public static string Rank(int? rank) => rank is { } r ? ReportFormat.Integer(r) : "not retrieved";

    private static void Add(List<(string, string)> parts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            parts.Add((label, value));
    }

    private static string? Short(string? hash) => hash is { Length: > 12 } ? hash[..12] : hash;
}
