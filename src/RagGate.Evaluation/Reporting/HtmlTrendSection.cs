using System.Text;
using static RagGate.Evaluation.Reporting.HtmlText;

namespace RagGate.Evaluation.Reporting;

/// <summary>The trend of each gated metric over the branch's last runs: a small inline SVG line per metric.</summary>
internal static class HtmlTrendSection
{
    private const double Width = 240, Height = 40, Pad = 5;

    public static void Append(StringBuilder sb, EvaluationReport report)
    {
        if (report.Trends is not { Count: > 0 } trends)
            return;
        sb.Append("<section id=\"trends\">\n<h2>Trend</h2>\n");
        sb.Append($"<p>Gated metrics over the last runs of <code>{E(report.TrendBranch ?? "(no branch)")}</code>, oldest first; the last point is this run; red points are runs that failed a gate.</p>\n");
        sb.Append("<table><thead><tr><th>Metric</th><th>Trend</th><th class=\"num\">Runs</th><th class=\"num\">First</th><th class=\"num\">Latest</th></tr></thead><tbody>\n");
        foreach (var trend in trends.Where(t => t.Points.Count > 0))
        {
            var unit = ReportFacts.UnitOf(report, trend.Metric);
            sb.Append($"<tr data-trend=\"{E(trend.Metric)}\"><td><code>{E(trend.Metric)}</code></td><td>{Chart(trend)}</td>");
            sb.Append($"<td class=\"num\">{trend.Points.Count}</td><td class=\"num\">{E(ReportFormat.Value(trend.Points[0].Value, unit))}</td>");
            sb.Append($"<td class=\"num\">{E(ReportFormat.Value(trend.Points[^1].Value, unit))}</td></tr>\n");
        }

        sb.Append("</tbody></table>\n</section>\n");
    }

    private static string Chart(MetricTrend trend)
    {
        var points = trend.Points;
        var (min, max) = (points.Min(p => p.Value), points.Max(p => p.Value));
        double X(int i) => points.Count == 1 ? Width / 2 : Pad + (i * (Width - (2 * Pad)) / (points.Count - 1));
        double Y(double v) => max > min ? Height - Pad - ((v - min) / (max - min) * (Height - (2 * Pad))) : Height / 2;
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"trend\" viewBox=\"0 0 {Px(Width)} {Px(Height)}\" width=\"{Px(Width)}\" height=\"{Px(Height)}\" role=\"img\" aria-label=\"{E(trend.Metric)} over {points.Count} runs\">");
        sb.Append("<polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\"");
        sb.Append(string.Join(" ", points.Select((p, i) => $"{Px(X(i))},{Px(Y(p.Value))}"))).Append("\"/>");
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            sb.Append($"<circle class=\"{PassClass(p.Passed)}\" cx=\"{Px(X(i))}\" cy=\"{Px(Y(p.Value))}\" r=\"2.5\" fill=\"{(p.Passed ? "#1a7f37" : "#cf222e")}\" data-run=\"{p.RunId}\" data-value=\"{Raw(p.Value)}\">");
            sb.Append($"<title>run {p.RunId}{(p.GitSha is { Length: >= 7 } sha ? " @ " + E(sha[..7]) : "")}: {E(ReportFormat.Ratio(p.Value))}</title></circle>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }
}
