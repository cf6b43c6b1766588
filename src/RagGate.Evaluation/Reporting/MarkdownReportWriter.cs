using System.Text;
using RagGate.Evaluation.Config;

namespace RagGate.Evaluation.Reporting;

/// <summary>
/// Renders the report as GitHub-flavoured Markdown for the CI step summary (<c>report.md</c>),
/// and a compact variant for a pull-request comment.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    /// <summary>The hidden marker a bot searches for to update its comment instead of adding one.</summary>
    public const string CommentMarker = "<!-- raggate-report -->";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc />
    public string Name => ReportWriters.Markdown;

    /// <inheritdoc />
    public string FileName => "report.md";

    /// <inheritdoc />
    public async Task WriteAsync(EvaluationReport report, Stream output, CancellationToken ct)
    {
        var bytes = Utf8.GetBytes(Render(report));
        await output.WriteAsync(bytes, ct);
    }

    /// <summary>The full report as Markdown.</summary>
    public static string Render(EvaluationReport report)
    {
        var sb = new StringBuilder();
        sb.Append("# RagGate report: ").Append(Verdict(report)).Append("\n\n");
        AppendIdentity(sb, report);
        AppendGates(sb, report);
        AppendMetrics(sb, report);
        MarkdownSections.AppendLatency(sb, report);
        MarkdownSections.AppendCost(sb, report);
        MarkdownSections.AppendCategories(sb, report);
        MarkdownSections.AppendDetectableDrops(sb, report);
        MarkdownTrendSection.Append(sb, report);
        MarkdownComparisonSection.Append(sb, report);
        MarkdownSections.AppendFlaky(sb, report);
        MarkdownSections.AppendFailedChecks(sb, report);
        MarkdownSections.AppendNotes(sb, report);
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>
    /// A compact report for a pull-request comment: the verdict, the gates and the worst regressions,
    /// starting with <see cref="CommentMarker"/> so a bot can find and update its previous comment.
    /// </summary>
    public static string WritePullRequestComment(EvaluationReport report, int maxRegressions = 5)
    {
        var sb = new StringBuilder();
        sb.Append(CommentMarker).Append('\n');
        var failed = ReportFacts.FailedGates(report);
        sb.Append("### ").Append(report.Passed ? "✅" : "❌").Append(" RagGate: ");
        sb.Append(report.Gates.Count == 0 ? "no gates configured"
            : failed == 0 ? $"all {report.Gates.Count} gates passed"
            : $"{failed} of {report.Gates.Count} gates failed").Append("\n\n");
        AppendIdentity(sb, report);
        if (report.Gates.Count > 0)
        {
            var table = new MarkdownTable(["Gate", "Actual", "Threshold", "Status", "Reason"], "lrrll");
            foreach (var gate in report.Gates)
            {
                var unit = ReportFacts.UnitOf(report, gate.Metric);
                table.AddRow(MarkdownTable.Text(ReportFacts.GateLabel(gate)), ReportFormat.Value(gate.Actual, unit),
                    ReportFormat.Value(gate.Threshold, unit), Status(gate.Passed), MarkdownTable.Text(gate.Reason));
            }

            table.AppendTo(sb);
        }

        MarkdownComparisonSection.AppendTopRegressions(sb, report, maxRegressions);
        sb.Append("<sub>RagGate ").Append(MarkdownTable.Text(report.ToolVersion)).Append(" · ")
            .Append(ReportFormat.Timestamp(report.CreatedAt)).Append(" · full report in the job summary and report.html</sub>\n");
        return sb.ToString();
    }

    internal static string Verdict(EvaluationReport report) => report.Passed ? "✅ Passed" : "❌ Failed";

    internal static string Status(bool passed) => passed ? "✅ pass" : "❌ fail";

    private static void AppendIdentity(StringBuilder sb, EvaluationReport report)
    {
        var parts = ReportFacts.Identity(report).Select(p => $"{p.Label} {MarkdownTable.Code(p.Value)}");
        sb.Append(string.Join(" · ", parts)).Append("  \n");
        sb.Append(ReportFormat.Integer(report.Scorecard.Queries.Count)).Append(" queries · RagGate ")
            .Append(MarkdownTable.Text(report.ToolVersion)).Append(" · ")
            .Append(ReportFormat.Timestamp(report.CreatedAt)).Append("\n\n");
    }

    private static void AppendGates(StringBuilder sb, EvaluationReport report)
    {
        var failed = ReportFacts.FailedGates(report);
        sb.Append("## Gates\n\n");
        if (report.Gates.Count == 0)
        {
            sb.Append("No gates are configured.\n\n");
            return;
        }

        sb.Append(failed == 0 ? $"All {report.Gates.Count} gates passed.\n\n" : $"{failed} of {report.Gates.Count} gates failed.\n\n");
        var table = new MarkdownTable(["Gate", "Actual", "Compared", "Threshold", "Mode", "Status", "Reason"], "lrrrlll");
        foreach (var gate in report.Gates)
        {
            var unit = ReportFacts.UnitOf(report, gate.Metric);
            table.AddRow(MarkdownTable.Text(ReportFacts.GateLabel(gate)), ReportFormat.Value(gate.Actual, unit),
                gate.Mode == GateMode.Regression ? ReportFormat.Delta(gate.Compared, unit) : ReportFormat.Value(gate.Compared, unit),
                ReportFormat.Value(gate.Threshold, unit), MarkdownTable.Text(WireNames.Of(gate.Mode)), Status(gate.Passed), MarkdownTable.Text(gate.Reason));
        }

        table.AppendTo(sb);
    }

    private static void AppendMetrics(StringBuilder sb, EvaluationReport report)
    {
        if (report.Scorecard.Metrics.Count == 0)
            return;
        sb.Append("## Metrics\n\n");
        var table = new MarkdownTable(["Metric", "Value", "95% interval", "Method", "n"], "lrrlr");
        foreach (var metric in report.Scorecard.Metrics)
        {
            table.AddRow(MarkdownTable.Code(metric.Name), ReportFormat.WithUnit(metric.Value, metric.Unit),
                ReportFormat.Interval(metric.Lower, metric.Upper, metric.Unit), MarkdownTable.Text(WireNames.Of(metric.Interval)),
                ReportFormat.Integer(metric.N));
        }

        table.AppendTo(sb);
    }
}
