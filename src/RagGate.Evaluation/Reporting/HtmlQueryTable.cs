using System.Text;
using RagGate.Evaluation.Scoring;
using static RagGate.Evaluation.Reporting.HtmlText;

namespace RagGate.Evaluation.Reporting;

/// <summary>
/// The per-query table. Every sortable cell carries a raw <c>data-sort</c> value, so the inline script sorts
/// numbers as numbers; with scripts disabled the table still reads in golden-set order.
/// </summary>
internal static class HtmlQueryTable
{
    public static void Append(StringBuilder sb, EvaluationReport report)
    {
        var queries = report.Scorecard.Queries;
        if (queries.Count == 0)
            return;
        var recall = ReportFacts.PickQueryMetric(report, "recall@") ?? "recall";
        var ndcg = ReportFacts.PickQueryMetric(report, "ndcg@") ?? "ndcg";
        sb.Append("<section id=\"queries\">\n<h2>Queries</h2>\n<p class=\"muted\">Click a column header to sort; open a page with <code>#sort=latency</code> (or <code>#sort=-latency</code>) to sort on load.</p>\n");
        sb.Append("<div class=\"scroll\"><table id=\"queries-table\" class=\"sortable\"><thead><tr>");
        Header(sb, "id", "text", "Id");
        Header(sb, "query", "text", "Query");
        Header(sb, "category", "text", "Category");
        Header(sb, "recall", "num", recall);
        Header(sb, "ndcg", "num", ndcg);
        Header(sb, "rank", "num", "First relevant");
        Header(sb, "latency", "num", "Latency (ms)");
        Header(sb, "tokens", "num", "Tokens");
        Header(sb, "status", "text", "Checks");
        sb.Append("</tr></thead><tbody>\n");
        for (var i = 0; i < queries.Count; i++)
            Row(sb, queries[i], i, recall, ndcg);
        sb.Append("</tbody></table></div>\n</section>\n");
    }

    private static void Header(StringBuilder sb, string key, string type, string label) =>
        sb.Append($"<th data-key=\"{key}\" data-type=\"{type}\" aria-sort=\"none\"{(type == "num" ? " class=\"num\"" : "")}><button type=\"button\">{E(label)}</button></th>");

    private static void Row(StringBuilder sb, QueryScore q, int order, string recall, string ndcg)
    {
        var status = PassClass(q.Passed);
        var failed = q.Checks.Where(c => !c.Passed).ToList();
        var title = string.Join("; ", failed.Select(c => c.Reason is null ? c.Name : $"{c.Name}: {c.Reason}"));
        sb.Append($"<tr data-query=\"{E(q.Id)}\" data-order=\"{order}\" class=\"{status}\">");
        sb.Append($"<td data-sort=\"{E(q.Id)}\"><code>{E(q.Id)}</code></td>");
        sb.Append($"<td data-sort=\"{E(q.Query)}\" class=\"text\">{E(q.Query)}{(q.Unanswerable ? " <span class=\"tag\">unanswerable</span>" : "")}</td>");
        sb.Append($"<td data-sort=\"{E(q.Category)}\">{E(q.Category)}</td>");
        Number(sb, "recall", q.Values.TryGetValue(recall, out var r) ? r : null, ReportFormat.Ratio);
        Number(sb, "ndcg", q.Values.TryGetValue(ndcg, out var n) ? n : null, ReportFormat.Ratio);
        Number(sb, "rank", q.FirstRelevantRank, v => ReportFormat.Integer((int)v), q.Expected.Count == 0 ? "n/a" : "not retrieved");
        Number(sb, "latency", q.LatencyMs, ReportFormat.Ms);
        Number(sb, "tokens", q.TotalTokens, v => ReportFormat.Integer((int)v));
        sb.Append($"<td data-sort=\"{status}\"><span class=\"badge {status}\"{(title.Length > 0 ? $" title=\"{E(title)}\"" : "")}>{(q.Passed ? "✔ pass" : $"✘ {failed.Count} failed")}</span>");
        if (failed.Count > 0)
            sb.Append($"<div class=\"why\">{E(title)}</div>");
        sb.Append("</td></tr>\n");
    }

    private static void Number(StringBuilder sb, string key, double? value, Func<double, string> format, string missing = "n/a")
    {
        // An empty sort key sorts last in both directions (see the script), as a missing value should.
        var text = value is { } v ? format(v) : missing;
        sb.Append($"<td class=\"num\" data-col=\"{key}\" data-sort=\"{(value is { } s ? Raw(s) : "")}\">{E(text)}</td>");
    }
}
