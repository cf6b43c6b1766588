using RagGate.Evaluation.Comparing;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Gates;
using RagGate.Evaluation.Reporting;

namespace RagGate.Evaluation.Tests.Reporting;

/// <summary>The sample's gates, judged against the sample's own numbers.</summary>
internal static class SampleGates
{
    public static List<GateResult> Create(EvaluationReport report)
    {
        var scorecard = report.Scorecard;
        var recall = scorecard.Find("recall@10")!;
        var coverage = scorecard.Find("keyword_coverage")!;
        var billing = scorecard.Categories.Single(c => c.Category == "billing" && c.Metric == "recall@10");
        var regression = report.Comparison!.Metrics.Single(m => m.Name == "recall@10");
        return
        [
            Threshold("recall@10 >= 0.85", "recall@10", ">=", 0.85, "point", null, recall.Value, recall.Value),
            Threshold("keyword_coverage >= 0.6", "keyword_coverage", ">=", 0.6, "lower-bound", null, coverage.Value, coverage.Lower!.Value),
            Threshold("latency_p95_ms <= 1500", "latency_p95_ms", "<=", 1500, "point", null, scorecard.Find("latency_p95_ms")!.Value, scorecard.Find("latency_p95_ms")!.Value),
            Threshold("cost_per_query <= 0.001", "cost_per_query", "<=", 0.001, "point", null, scorecard.Cost.CostPerQuery, scorecard.Cost.CostPerQuery),
            Threshold("recall@10 >= 0.9 [billing]", "recall@10", ">=", 0.9, "point", "billing", billing.Value, billing.Value),
            Regression(regression, 0.02, 0.05),
        ];
    }

    private static GateResult Threshold(string name, string metric, string op, double threshold, string mode, string? category, double actual, double compared)
    {
        var passed = op == ">=" ? compared >= threshold : compared <= threshold;
        var what = mode == "lower-bound" ? "the lower 95% bound" : "the value";
        return new GateResult
        {
            Name = name,
            Metric = metric,
            Operator = WireNames.TryParse<GateOperator>(op, out var parsed) ? parsed : throw new ArgumentException(op, nameof(op)),
            Threshold = threshold,
            Mode = mode == "lower-bound" ? GateMode.LowerBound : GateMode.Point,
            Category = category,
            Actual = actual,
            Compared = compared,
            Passed = passed,
            Reason = FormattableString.Invariant($"{what} {compared:0.####} is {(passed ? "" : "not ")}{op} {threshold:0.####}"),
        };
    }

    private static GateResult Regression(MetricComparison m, double maxDrop, double alpha)
    {
        var dropped = -m.Delta > maxDrop;
        var significant = m.AdjustedPValue < alpha;
        return new GateResult
        {
            Name = FormattableString.Invariant($"{m.Name} max_drop {maxDrop:0.##}"),
            Metric = m.Name,
            Operator = GateOperator.MaxDrop,
            Threshold = maxDrop,
            Mode = GateMode.Regression,
            Actual = m.Candidate,
            Compared = m.Delta,
            PValue = m.AdjustedPValue,
            Passed = !(dropped && significant),
            Reason = dropped
                ? FormattableString.Invariant($"dropped {-m.Delta:0.####} (more than {maxDrop:0.##}); Holm p {m.AdjustedPValue:0.####} is {(significant ? "below" : "not below")} {alpha:0.##}")
                : FormattableString.Invariant($"dropped {-m.Delta:0.####}, within {maxDrop:0.##}"),
        };
    }
}
