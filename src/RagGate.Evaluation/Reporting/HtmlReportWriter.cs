using System.Text;
using static RagGate.Evaluation.Reporting.HtmlText;

namespace RagGate.Evaluation.Reporting;

/// <summary>
/// Writes one self-contained HTML page (<c>report.html</c>): inline CSS, script and SVG, no network.
/// Numbers sit in elements with stable <c>data-*</c> attributes (for example <c>data-metric="recall@10"</c>);
/// everything but sorting works with scripts disabled.
/// </summary>
internal sealed class HtmlReportWriter : IReportWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    public string Name => ReportWriters.Html;

    /// <inheritdoc />
    public string FileName => "report.html";

    /// <inheritdoc />
    public async Task WriteAsync(EvaluationReport report, Stream output, CancellationToken ct)
    {
        var bytes = Utf8.GetBytes(Render(report));
        await output.WriteAsync(bytes, ct);
    }

    /// <summary>The whole page as a string.</summary>
    public static string Render(EvaluationReport report)
    {
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append($"<meta http-equiv=\"Content-Security-Policy\" content=\"{HtmlAssets.ContentSecurityPolicy}\">\n");
        sb.Append($"<title>RagGate report: {(report.Passed ? "passed" : "failed")} · {E(report.System.Name)}</title>\n");
        sb.Append("<style>\n").Append(HtmlAssets.Css).Append("\n</style>\n</head>\n<body>\n");
        HtmlSections.AppendHeader(sb, report);
        sb.Append("<main>\n");
        HtmlSections.AppendGates(sb, report);
        HtmlSections.AppendMetrics(sb, report);
        HtmlTrendSection.Append(sb, report);
        HtmlComparisonSection.Append(sb, report);
        HtmlSections.AppendLatency(sb, report);
        HtmlSections.AppendCost(sb, report);
        HtmlSections.AppendCategories(sb, report);
        HtmlQueryTable.Append(sb, report);
        AppendNotes(sb, report);
        sb.Append("</main>\n");
        sb.Append($"<footer>Made by RagGate {E(report.ToolVersion)} on {ReportFormat.Timestamp(report.CreatedAt)} from the run data alone.</footer>\n");
        sb.Append("<script>\n").Append(HtmlAssets.Script).Append("\n</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendNotes(StringBuilder sb, EvaluationReport report)
    {
        if (report.Notes.Count == 0)
            return;
        sb.Append("<section id=\"notes\">\n<h2>Notes</h2>\n<ul>");
        foreach (var note in report.Notes)
            sb.Append($"<li>{E(note)}</li>");
        sb.Append("</ul>\n</section>\n");
    }
}
