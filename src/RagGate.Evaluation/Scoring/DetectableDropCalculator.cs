using System.Globalization;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Scoring;

/// <summary>The minimum detectable drop of every gated metric with per-query values, on every run, with or without a baseline.</summary>
internal static class DetectableDropCalculator
{
    /// <summary>The alpha of a gated metric no regression rule covers.</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>One row per gated metric (threshold gates and regression rules), in gate order.</summary>
    public static List<DetectableDrop> Calculate(Scorecard scorecard, IReadOnlyList<GateRule> gates, IReadOnlyList<RegressionRule> rules)
    {
        var family = rules.Select(r => r.Metric).Distinct(StringComparer.Ordinal).Count();
        var rows = new List<DetectableDrop>();
        foreach (var metric in rules.Select(r => r.Metric).Concat(gates.Select(g => g.Metric)).Distinct(StringComparer.Ordinal))
        {
            if (!MetricCatalog.Get(metric).HasPerQueryValues)
                continue;
            var values = scorecard.Queries.Where(q => q.Values.ContainsKey(metric)).Select(q => q.Values[metric]).ToList();
            if (values.Count == 0)
                continue;
            var rule = rules.FirstOrDefault(r => r.Metric == metric);
            var alpha = rule is null ? DefaultAlpha : rule.Alpha / family;
            var sd = MinimumDetectableEffect.StandardDeviation(values);
            var unitRange = MetricCatalog.Get(metric).IsRatio;
            var drop = MinimumDetectableEffect.ReportedDrop(sd, values.Count, unitRange, alpha, DetectableDrop.Power);
            var needed = rule is not null && drop > rule.MaxDrop
                ? MinimumDetectableEffect.QueriesNeeded(sd, unitRange, rule.MaxDrop, alpha, DetectableDrop.Power)
                : null;
            rows.Add(new DetectableDrop(metric, values.Count, sd, alpha, drop, rule?.MaxDrop, needed));
        }

        return rows;
    }

    /// <summary>The plain sentence a report shows when a rule's max_drop is below what the golden set can detect.</summary>
    public static string TooSmallNote(DetectableDrop row)
    {
        var drop = double.IsFinite(row.Drop) ? Number(row.Drop) : "no size";
        var needed = row.QueriesNeeded is { } n ? $"; it would need about {n.ToString("N0", CultureInfo.InvariantCulture)} queries with the same spread." : ".";
        return $"This golden set is too small to enforce '{row.Metric} max_drop {Number(row.MaxDrop ?? 0)}': its {row.Queries} queries detect drops of "
            + $"{drop} or more (one-sided alpha {Number(row.Alpha)}, power {Number(DetectableDrop.Power)}){needed}";
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
