using System.Text;
using RagGate.Evaluation.Comparing;
using static RagGate.Evaluation.Reporting.HtmlText;

namespace RagGate.Evaluation.Reporting;

/// <summary>The HTML baseline diff: metric deltas with their interval and significance, and the queries that got worse.</summary>
internal static class HtmlComparisonSection
{
    public static void Append(StringBuilder sb, EvaluationReport report)
    {
        if (report.Comparison is not { } comparison)
            return;
        sb.Append("<section id=\"comparison\">\n<h2>Against the baseline</h2>\n");
        sb.Append($"<p class=\"muted\">Baseline {E(ReportFacts.Describe(comparison.Baseline))} · {comparison.PairedQueries} paired queries · {E(ReportFacts.ComparisonMethod)}</p>\n");
        if (comparison.Metrics.Count > 0)
        {
            sb.Append("<table><thead><tr><th>Metric</th><th class=\"num\">Baseline</th><th class=\"num\">Candidate</th><th class=\"num\">Delta</th><th class=\"num\">CI of delta</th><th class=\"num\">p (worse)</th><th class=\"num\">Holm p</th><th class=\"num\">W/T/L</th><th class=\"num\">Min. detectable drop</th></tr></thead><tbody>\n");
            foreach (var m in comparison.Metrics)
                MetricRow(sb, report, m);
            sb.Append("</tbody></table>\n");
        }

        if (comparison.Unpaired.Count > 0)
        {
            sb.Append($"<h3>Queries not paired ({comparison.Unpaired.Count}, left out of the comparison)</h3>\n<ul>");
            foreach (var q in comparison.Unpaired)
                sb.Append($"<li data-unpaired=\"{E(q.Id)}\"><code>{E(q.Id)}</code> {E(q.Query)}: {E(q.Reason)}</li>");
            sb.Append("</ul>\n");
        }

        sb.Append($"<h3>Queries that got worse ({comparison.Regressions.Count})</h3>\n");
        if (comparison.Regressions.Count == 0)
            sb.Append("<p class=\"muted\">No query got worse.</p>\n");
        foreach (var r in comparison.Regressions)
            Regression(sb, report, r);
        sb.Append("</section>\n");
    }

    private static void MetricRow(StringBuilder sb, EvaluationReport report, MetricComparison m)
    {
        var unit = ReportFacts.UnitOf(report, m.Name);
        var worse = m.HigherIsBetter ? m.Delta < 0 : m.Delta > 0;
        var tone = m.Delta == 0 || !double.IsFinite(m.Delta) ? "neutral" : worse ? "fail" : "pass";
        sb.Append($"<tr><th scope=\"row\">{E(m.Name)}</th><td class=\"num\">{ReportFormat.Value(m.Baseline, unit)}</td><td class=\"num\">{ReportFormat.Value(m.Candidate, unit)}</td>");
        sb.Append($"<td class=\"num delta {tone}\" data-delta=\"{E(m.Name)}\">{ReportFormat.Delta(m.Delta, unit)}</td>");
        sb.Append($"<td class=\"num\">{ReportFacts.DeltaInterval(m, unit)}</td><td class=\"num\">{ReportFormat.PValue(m.PValue)}</td>");
        sb.Append($"<td class=\"num\" data-holm=\"{E(m.Name)}\">{(m.Gated ? ReportFormat.PValue(m.AdjustedPValue) : "not gated")}</td><td class=\"num\">{m.Wins}/{m.Ties}/{m.Losses}</td>");
        sb.Append($"<td class=\"num\">{ReportFormat.Value(m.MinimumDetectableDrop, unit)}</td></tr>\n");
        if (m.Note is not null)
            sb.Append($"<tr class=\"note\"><td colspan=\"9\" class=\"muted\">{E(m.Name)}: {E(m.Note)}</td></tr>\n");
    }

    private static void Regression(StringBuilder sb, EvaluationReport report, QueryRegression r)
    {
        var unit = ReportFacts.UnitOf(report, r.Metric);
        sb.Append($"<div class=\"regression\" data-regression=\"{E(r.Id)}\"><div class=\"reg-head\"><code>{E(r.Id)}</code> <span class=\"text\">{E(r.Query)}</span>");
        sb.Append($"<span class=\"reg-change\">{E(r.Metric)} {ReportFormat.Value(r.Baseline, unit)} → <strong class=\"fail-text\">{ReportFormat.Value(r.Candidate, unit)}</strong></span></div>");
        if (r.Lost.Count == 0 && r.Reason.Length > 0)
            sb.Append($"<p class=\"reg-reason\">{E(r.Reason)}</p>");
        if (r.Lost.Count > 0)
        {
            sb.Append("<table class=\"lost\"><thead><tr><th>Expected document</th><th class=\"num\">Baseline rank</th><th class=\"num\">Candidate rank</th></tr></thead><tbody>");
            foreach (var lost in r.Lost)
            {
                sb.Append($"<tr data-lost=\"{E(lost.DocId)}\"><td><code>{E(lost.DocId)}</code></td><td class=\"num\">{ReportFacts.Rank(lost.BaselineRank)}</td>");
                sb.Append($"<td class=\"num{(lost.CandidateRank is null ? " fail-text" : "")}\">{ReportFacts.Rank(lost.CandidateRank)}</td></tr>");
            }

            sb.Append("</tbody></table>");
        }

        if (r.CandidateTop.Count > 0)
        {
            sb.Append("<p class=\"instead\">Candidate returned instead: ");
            sb.Append(string.Join(" ", r.CandidateTop.Select(d => $"<code class=\"chip\">{E(d)}</code>")));
            sb.Append("</p>");
        }

        sb.Append("</div>\n");
    }
}
