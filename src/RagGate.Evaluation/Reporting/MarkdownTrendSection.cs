using System.Text;

namespace RagGate.Evaluation.Reporting;

/// <summary>The trend of each gated metric over the branch's last runs, as a row of sparkline characters.</summary>
internal static class MarkdownTrendSection
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    public static void Append(StringBuilder sb, EvaluationReport report)
    {
        if (report.Trends is not { Count: > 0 } trends)
            return;
        var runs = trends.Max(t => t.Points.Count);
        sb.Append("## Trend\n\n").Append($"Gated metrics over the last {ReportFormat.Integer(runs)} runs of ")
            .Append(MarkdownTable.Code(report.TrendBranch ?? "(no branch)")).Append(", oldest first; the last is this run.\n\n");
        var table = new MarkdownTable(["Metric", "Trend", "Runs", "First", "Latest", "Change"], "llrrrr");
        foreach (var trend in trends.Where(t => t.Points.Count > 0))
        {
            var unit = ReportFacts.UnitOf(report, trend.Metric);
            var (first, last) = (trend.Points[0].Value, trend.Points[^1].Value);
            table.AddRow(MarkdownTable.Code(trend.Metric), Sparkline(trend.Points.Select(p => p.Value).ToList()),
                ReportFormat.Integer(trend.Points.Count), ReportFormat.Value(first, unit), ReportFormat.Value(last, unit), ReportFormat.Delta(last - first, unit));
        }

        table.AppendTo(sb);
    }

    /// <summary>One block character per value, scaled between the smallest and largest; a flat series sits mid-height.</summary>
    public static string Sparkline(IReadOnlyList<double> values)
    {
        var (min, max) = (values.Min(), values.Max());
        var sb = new StringBuilder(values.Count);
        foreach (var value in values)
        {
            var level = max > min ? (int)Math.Round((value - min) / (max - min) * (Blocks.Length - 1)) : Blocks.Length / 2;
            sb.Append(Blocks[level]);
        }

        return sb.ToString();
    }
}
