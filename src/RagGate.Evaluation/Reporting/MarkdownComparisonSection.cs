using System.Text;
using RagGate.Evaluation.Comparing;

namespace RagGate.Evaluation.Reporting;

/// <summary>The Markdown of a baseline comparison: metric deltas with significance and the queries that got worse.</summary>
internal static class MarkdownComparisonSection
{
    public static void Append(StringBuilder sb, EvaluationReport report)
    {
        if (report.Comparison is not { } comparison)
            return;
        sb.Append("## Baseline comparison\n\n");
        sb.Append("Baseline: ").Append(MarkdownTable.Text(ReportFacts.Describe(comparison.Baseline))).Append(" · ")
            .Append(ReportFormat.Integer(comparison.PairedQueries)).Append(" paired queries\n\n");
        if (comparison.Metrics.Count > 0)
        {
            var table = new MarkdownTable(
                ["Metric", "Baseline", "Candidate", "Delta", "CI of delta", "p (worse)", "Holm p", "W/T/L", "Min. detectable drop"], "lrrrrrrrr");
            foreach (var m in comparison.Metrics)
            {
                var unit = ReportFacts.UnitOf(report, m.Name);
                table.AddRow(MarkdownTable.Code(m.Name), ReportFormat.Value(m.Baseline, unit), ReportFormat.Value(m.Candidate, unit),
                    ReportFormat.Delta(m.Delta, unit), ReportFacts.DeltaInterval(m, unit),
                    ReportFormat.PValue(m.PValue), m.Gated ? ReportFormat.PValue(m.AdjustedPValue) : "not gated", $"{m.Wins}/{m.Ties}/{m.Losses}",
                    ReportFormat.Value(m.MinimumDetectableDrop, unit));
            }

            table.AppendTo(sb);
            sb.Append(ReportFacts.ComparisonMethod).Append("\n\n");
            foreach (var m in comparison.Metrics.Where(m => m.Note is not null))
                sb.Append("- ").Append(MarkdownTable.Code(m.Name)).Append(": ").Append(MarkdownTable.Text(m.Note!)).Append('\n');
            if (comparison.Metrics.Any(m => m.Note is not null))
                sb.Append('\n');
        }

        AppendUnpaired(sb, comparison);
        AppendRegressions(sb, report, comparison);
    }

    /// <summary>The few worst regressions in one line each, for the pull-request comment.</summary>
    public static void AppendTopRegressions(StringBuilder sb, EvaluationReport report, int max)
    {
        if (report.Comparison is not { Regressions.Count: > 0 } comparison || max <= 0)
            return;
        var shown = comparison.Regressions.Take(max).ToList();
        sb.Append("**Queries that got worse** (").Append(shown.Count < comparison.Regressions.Count
            ? $"top {shown.Count} of {comparison.Regressions.Count}" : ReportFormat.Integer(shown.Count)).Append(")\n\n");
        foreach (var r in shown)
        {
            sb.Append("- ").Append(MarkdownTable.Code(r.Id)).Append(' ').Append(Change(report, r));
            if (r.Lost.Count > 0)
                sb.Append("; lost ").Append(string.Join(", ", r.Lost.Select(l => $"{MarkdownTable.Code(l.DocId)} ({Move(l)})")));
            else if (r.Reason.Length > 0)
                sb.Append("; ").Append(MarkdownTable.Text(r.Reason));
            sb.Append('\n');
        }

        sb.Append('\n');
    }

    private static void AppendUnpaired(StringBuilder sb, Comparison comparison)
    {
        if (comparison.Unpaired.Count == 0)
            return;
        sb.Append("### Queries not paired (").Append(ReportFormat.Integer(comparison.Unpaired.Count)).Append(", left out of the comparison)\n\n");
        var table = new MarkdownTable(["Query", "Text", "Why"], "lll");
        foreach (var q in comparison.Unpaired)
            table.AddRow(MarkdownTable.Code(q.Id), MarkdownTable.Text(q.Query), MarkdownTable.Text(q.Reason));
        table.AppendTo(sb);
    }

    private static void AppendRegressions(StringBuilder sb, EvaluationReport report, Comparison comparison)
    {
        sb.Append("### Queries that got worse\n\n");
        if (comparison.Regressions.Count == 0)
        {
            sb.Append("No query got worse.\n\n");
            return;
        }

        foreach (var r in comparison.Regressions)
        {
            sb.Append("**").Append(MarkdownTable.Code(r.Id)).Append("** ").Append(MarkdownTable.Text(r.Query)).Append(": ")
                .Append(Change(report, r)).Append("\n\n");
            if (r.Lost.Count == 0 && r.Reason.Length > 0)
                sb.Append(MarkdownTable.Text(r.Reason)).Append("\n\n");
            if (r.Lost.Count > 0)
            {
                var table = new MarkdownTable(["Expected document", "Baseline rank", "Candidate rank"], "lrr");
                foreach (var lost in r.Lost)
                    table.AddRow(MarkdownTable.Code(lost.DocId), ReportFacts.Rank(lost.BaselineRank), ReportFacts.Rank(lost.CandidateRank));
                table.AppendTo(sb);
            }

            if (r.CandidateTop.Count > 0)
                sb.Append("Candidate returned instead: ").Append(string.Join(", ", r.CandidateTop.Select(MarkdownTable.Code))).Append("\n\n");
        }
    }

    private static string Change(EvaluationReport report, QueryRegression r)
    {
        var unit = ReportFacts.UnitOf(report, r.Metric);
        return $"{MarkdownTable.Code(r.Metric)} {ReportFormat.Value(r.Baseline, unit)} → {ReportFormat.Value(r.Candidate, unit)}";
    }

    private static string Move(LostDocument lost) => $"rank {ReportFacts.Rank(lost.BaselineRank)} → {ReportFacts.Rank(lost.CandidateRank)}";
}
