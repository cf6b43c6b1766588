using System.Globalization;
using RagGate.Evaluation.Comparing;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Scoring;

namespace RagGate.Evaluation.Gates;

/// <summary>
/// Checks thresholds and regression rules against a scorecard. A failed gate is data with a reason,
/// never an exception.
/// </summary>
internal static class GateEvaluator
{
    /// <summary>Evaluates every threshold gate, then every regression rule when a comparison exists.</summary>
    public static List<GateResult> Evaluate(
        Scorecard scorecard,
        IReadOnlyList<GateRule> gates,
        IReadOnlyList<RegressionRule> regressions,
        Comparison? comparison,
        EvalSettings eval)
    {
        var results = gates.Select(g => Threshold(scorecard, g, eval)).ToList();
        if (comparison is not null)
        {
            results.AddRange(regressions.Select(r => Regression(comparison, r)));
        }

        return results;
    }

    private static GateResult Threshold(Scorecard scorecard, GateRule rule, EvalSettings eval)
    {
        var info = MetricCatalog.Get(rule.Metric);
        var result = new GateResult
        {
            Name = rule.Text,
            Metric = rule.Metric,
            Operator = rule.Operator,
            Threshold = rule.Threshold,
            Mode = rule.Mode,
            Category = rule.Category,
        };
        var summary = rule.Category is null ? scorecard.Find(rule.Metric) : CategorySummary(scorecard, rule, info, eval);
        if (summary is null)
        {
            result.Reason = rule.Category is null
                ? $"{rule.Metric} was not measured in this run"
                : $"no query of category '{rule.Category}' has a {rule.Metric} value";
            return result;
        }

        result.Actual = summary.Value;
        var pessimistic = info.HigherIsBetter ? summary.Lower : summary.Upper;
        result.Compared = rule.Mode == GateMode.LowerBound && pessimistic is { } bound ? bound : summary.Value;
        result.Passed = Compare(result.Compared, rule.Operator, rule.Threshold);
        var what = rule.Mode == GateMode.LowerBound && pessimistic is not null
            ? $"the 95% {(info.HigherIsBetter ? "lower" : "upper")} bound {Format(result.Compared)} (mean {Format(summary.Value)}, n={summary.N})"
            : $"{Format(summary.Value)} (n={summary.N})";
        result.Reason = $"{rule.Metric}{(rule.Category is null ? "" : $" [{rule.Category}]")} is {what}; required {WireNames.Of(rule.Operator)} {Format(rule.Threshold)}";
        if (rule.Mode == GateMode.LowerBound && pessimistic is null) result.Reason += "; no interval for this metric, so the value itself was compared";
        return result;
    }

    private static MetricSummary? CategorySummary(Scorecard scorecard, GateRule rule, MetricInfo info, EvalSettings eval)
    {
        var queries = scorecard.Queries.Where(q => q.Category == rule.Category && q.Values.ContainsKey(rule.Metric)).ToList();
        return MetricAggregator.Summaries(queries, [rule.Metric], eval).FirstOrDefault();
    }

    private static GateResult Regression(Comparison comparison, RegressionRule rule)
    {
        var result = new GateResult
        {
            Name = $"{rule.Metric} max drop {Format(rule.MaxDrop)} vs baseline",
            Metric = rule.Metric,
            Operator = GateOperator.MaxDrop,
            Threshold = rule.MaxDrop,
            Mode = GateMode.Regression,
        };
        var row = comparison.Metrics.Find(m => m.Name == rule.Metric);
        if (row is null)
        {
            result.Reason = $"{rule.Metric} is not in both runs, so no comparison was possible";
            return result;
        }

        var drop = row.HigherIsBetter ? row.Baseline - row.Candidate : row.Candidate - row.Baseline;
        result.Actual = row.Candidate;
        result.Compared = drop;
        result.PValue = row.AdjustedPValue;
        var significant = row.AdjustedPValue < rule.Alpha;
        result.Passed = drop <= rule.MaxDrop || !significant;
        result.Reason = $"{rule.Metric} went from {Format(row.Baseline)} to {Format(row.Candidate)} (drop {Format(drop)}, allowed {Format(rule.MaxDrop)}); "
            + $"one-sided p (Holm over the regression rules) = {Format(row.AdjustedPValue)} {(significant ? "<" : ">=")} alpha {Format(rule.Alpha)}"
            + (drop > rule.MaxDrop && !significant ? ", so the drop is within noise" : "");
        return result;
    }

    private static bool Compare(double value, GateOperator op, double threshold) => op switch
    {
        GateOperator.AtLeast => value >= threshold,
        GateOperator.Above => value > threshold,
        GateOperator.AtMost => value <= threshold,
        GateOperator.Below => value < threshold,
        _ => false,
    };

    // Four decimals, but three significant digits for tiny values such as a cost per query.
    private static string Format(double value)
    {
        if (value == 0 || Math.Abs(value) >= 0.01) return value.ToString("0.####", CultureInfo.InvariantCulture);
        var decimals = Math.Min(15, 2 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return value.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }
}
