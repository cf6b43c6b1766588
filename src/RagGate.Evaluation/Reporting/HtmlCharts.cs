using System.Text;
using RagGate.Evaluation.Scoring;
using static RagGate.Evaluation.Reporting.HtmlText;

namespace RagGate.Evaluation.Reporting;

/// <summary>Inline SVG charts: a ratio bar with its 95% interval as whiskers, and the latency histogram.</summary>
internal static class HtmlCharts
{
    private const double BarWidth = 300;
    private const double BarHeight = 26;

    /// <summary>A bar on a 0..1 scale with the interval as whiskers and the gate threshold as a dashed line.</summary>
    public static string RatioBar(MetricSummary metric, double? threshold, string tone)
    {
        double X(double v) => Math.Clamp(double.IsFinite(v) ? v : 0, 0, 1) * BarWidth;
        var sb = new StringBuilder();
        sb.Append($"<svg class=\"bar\" viewBox=\"0 0 {Px(BarWidth)} {Px(BarHeight)}\" width=\"{Px(BarWidth)}\" height=\"{Px(BarHeight)}\" role=\"img\" aria-label=\"{E(metric.Name)} {ReportFormat.Ratio(metric.Value)}\">");
        sb.Append($"<rect class=\"track\" x=\"0\" y=\"7\" width=\"{Px(BarWidth)}\" height=\"12\" rx=\"3\"/>");
        sb.Append($"<rect class=\"fill {tone}\" x=\"0\" y=\"7\" width=\"{Px(X(metric.Value))}\" height=\"12\" rx=\"3\"/>");
        if (metric.Lower is { } lower && metric.Upper is { } upper)
        {
            var (l, u) = (X(lower), X(upper));
            sb.Append($"<g class=\"whisker\"><line x1=\"{Px(l)}\" y1=\"13\" x2=\"{Px(u)}\" y2=\"13\"/>");
            sb.Append($"<line x1=\"{Px(l)}\" y1=\"5\" x2=\"{Px(l)}\" y2=\"21\"/><line x1=\"{Px(u)}\" y1=\"5\" x2=\"{Px(u)}\" y2=\"21\"/></g>");
        }

        if (threshold is { } t)
            sb.Append($"<line class=\"threshold\" x1=\"{Px(X(t))}\" y1=\"1\" x2=\"{Px(X(t))}\" y2=\"25\"><title>threshold {ReportFormat.Ratio(t)}</title></line>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The end-to-end latency histogram with the p50 and p95 marked.</summary>
    public static string Histogram(LatencySummary latency)
    {
        var buckets = latency.Histogram;
        if (buckets.Count == 0)
            return "";
        const double width = 720, height = 240, left = 44, right = 30, top = 28, bottom = 36;
        var (min, max) = (buckets.Min(b => b.From), buckets.Max(b => b.To));
        var span = max > min ? max - min : 1;
        var peak = Math.Max(1, buckets.Max(b => b.Count));
        double X(double ms) => left + ((Math.Clamp(ms, min, max) - min) / span * (width - left - right));
        double Y(double count) => top + ((1 - (count / peak)) * (height - top - bottom));

        var sb = new StringBuilder();
        sb.Append($"<svg class=\"histogram\" viewBox=\"0 0 {Px(width)} {Px(height)}\" width=\"100%\" role=\"img\" aria-label=\"End-to-end latency histogram\">");
        sb.Append($"<line class=\"axis\" x1=\"{Px(left)}\" y1=\"{Px(Y(0))}\" x2=\"{Px(width - right)}\" y2=\"{Px(Y(0))}\"/>");
        sb.Append($"<text class=\"tick\" x=\"{Px(left - 6)}\" y=\"{Px(Y(peak) + 4)}\" text-anchor=\"end\">{peak}</text>");
        sb.Append($"<text class=\"tick\" x=\"{Px(left - 6)}\" y=\"{Px(Y(0) + 4)}\" text-anchor=\"end\">0</text>");
        sb.Append($"<text class=\"tick\" x=\"4\" y=\"{Px(top - 14)}\" text-anchor=\"start\">samples</text>");
        var labelEvery = Math.Max(1, (int)Math.Ceiling(buckets.Count / 8.0));
        for (var i = 0; i < buckets.Count; i++)
        {
            var b = buckets[i];
            var (x0, x1) = (X(b.From), X(b.To));
            sb.Append($"<rect class=\"hbar\" data-from=\"{Raw(b.From)}\" data-count=\"{b.Count}\" x=\"{Px(x0 + 1)}\" y=\"{Px(Y(b.Count))}\" width=\"{Px(Math.Max(1, x1 - x0 - 2))}\" height=\"{Px(Y(0) - Y(b.Count))}\">");
            sb.Append($"<title>{ReportFormat.Ms(b.From)}–{ReportFormat.Ms(b.To)} ms: {b.Count}</title></rect>");
            if (i % labelEvery == 0)
                sb.Append($"<text class=\"tick\" x=\"{Px(x0)}\" y=\"{Px(Y(0) + 16)}\" text-anchor=\"middle\">{Tick(b.From)}</text>");
        }

        sb.Append($"<text class=\"tick\" x=\"{Px(X(max))}\" y=\"{Px(Y(0) + 16)}\" text-anchor=\"middle\">{Tick(max)}</text>");
        sb.Append($"<text class=\"tick\" x=\"{Px(width - right)}\" y=\"{Px(height - 4)}\" text-anchor=\"end\">ms, end to end</text>");
        Marker(sb, "p50", latency.EndToEnd.P50, X(latency.EndToEnd.P50), top - 14, Y(0));
        Marker(sb, "p95", latency.EndToEnd.P95, X(latency.EndToEnd.P95), top - 2, Y(0));
        sb.Append("</svg>");
        return sb.ToString();
    }

    // Axis ticks are labels, not reported numbers: no trailing ".0".
    private static string Tick(double ms) => ms.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static void Marker(StringBuilder sb, string label, double ms, double x, double labelY, double axisY)
    {
        sb.Append($"<g class=\"marker {label}\"><line x1=\"{Px(x)}\" y1=\"{Px(labelY + 4)}\" x2=\"{Px(x)}\" y2=\"{Px(axisY)}\"/>");
        // Near the right edge the label would be cut off: put it left of the line.
        var (textX, anchor) = x > 560 ? (x - 4, "end") : (x + 4, "start");
        sb.Append($"<text x=\"{Px(textX)}\" y=\"{Px(labelY + 2)}\" text-anchor=\"{anchor}\">{label} {ReportFormat.Ms(ms)} ms</text></g>");
    }
}
