using System.Text;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Scoring;
using static RagGate.Evaluation.Reporting.HtmlText;

namespace RagGate.Evaluation.Reporting;

/// <summary>The HTML report's header, gate cards, metric bars, latency, cost and category sections.</summary>
internal static class HtmlSections
{
    public static void AppendHeader(StringBuilder sb, EvaluationReport report)
    {
        var verdict = PassClass(report.Passed);
        var failed = ReportFacts.FailedGates(report);
        sb.Append($"<header class=\"top {verdict}\">\n<div class=\"wrap\">\n");
        sb.Append($"<div class=\"verdict {verdict}\" data-verdict=\"{verdict}\">{(report.Passed ? "✔ Passed" : "✘ Failed")}</div>\n");
        sb.Append("<div class=\"title\"><h1>RagGate report</h1>\n<p class=\"summary\">");
        sb.Append(report.Gates.Count == 0 ? "No gates configured"
            : failed == 0 ? $"All {report.Gates.Count} gates passed" : $"{failed} of {report.Gates.Count} gates failed");
        sb.Append($" · {report.Scorecard.Queries.Count} queries · {ReportFormat.Timestamp(report.CreatedAt)} · RagGate {E(report.ToolVersion)}</p>\n");
        sb.Append("<dl class=\"identity\">");
        foreach (var (label, value) in ReportFacts.Identity(report))
            sb.Append($"<div><dt>{E(label)}</dt><dd>{E(value)}</dd></div>");
        sb.Append("</dl></div>\n</div>\n</header>\n");
    }

    public static void AppendGates(StringBuilder sb, EvaluationReport report)
    {
        sb.Append("<section id=\"gates\">\n<h2>Gates</h2>\n");
        if (report.Gates.Count == 0)
        {
            sb.Append("<p class=\"muted\">No gates are configured.</p>\n</section>\n");
            return;
        }

        sb.Append("<div class=\"cards\">\n");
        foreach (var gate in report.Gates)
        {
            var unit = ReportFacts.UnitOf(report, gate.Metric);
            var status = PassClass(gate.Passed);
            var compared = gate.Mode == GateMode.Regression ? ReportFormat.Delta(gate.Compared, unit) : ReportFormat.Value(gate.Compared, unit);
            sb.Append($"<article class=\"card {status}\" data-gate=\"{E(gate.Name)}\" data-status=\"{status}\">");
            sb.Append($"<div class=\"card-head\"><span class=\"badge {status}\">{(gate.Passed ? "✔ pass" : "✘ fail")}</span><span class=\"mode\">{E(WireNames.Of(gate.Mode))}</span></div>");
            sb.Append($"<h3>{E(ReportFacts.GateLabel(gate))}</h3>");
            sb.Append($"<div class=\"card-value\"><span class=\"big\" data-gate-actual=\"{E(gate.Name)}\">{ReportFormat.Value(gate.Actual, unit)}</span>");
            sb.Append($"<span class=\"muted\">compared {compared} · threshold {ReportFormat.Value(gate.Threshold, unit)}");
            if (gate.PValue is { } p)
                sb.Append($" · Holm p {ReportFormat.PValue(p)}");
            sb.Append($"</span></div><p class=\"reason\">{E(gate.Reason)}</p></article>\n");
        }

        sb.Append("</div>\n</section>\n");
    }

    public static void AppendMetrics(StringBuilder sb, EvaluationReport report)
    {
        if (report.Scorecard.Metrics.Count == 0)
            return;
        sb.Append("<section id=\"metrics\">\n<h2>Metrics</h2>\n<p class=\"muted\">Bars show the value on a 0 to 1 scale; whiskers show the 95% interval, a dashed line the gate threshold.</p>\n");
        sb.Append("<table class=\"metrics\"><thead><tr><th>Metric</th><th class=\"num\">Value</th><th class=\"num\">95% interval</th><th>Method</th><th class=\"num\">n</th><th>Chart</th></tr></thead><tbody>\n");
        foreach (var m in report.Scorecard.Metrics)
        {
            var gates = report.Gates.Where(g => g.Category is null && g.Mode != GateMode.Regression
                && string.Equals(g.Metric, m.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            var tone = gates.Count == 0 ? "neutral" : PassClass(gates.TrueForAll(g => g.Passed));
            var chart = m.Unit.Length == 0 ? HtmlCharts.RatioBar(m, gates.Count > 0 ? gates[0].Threshold : null, tone) : "";
            sb.Append($"<tr><th scope=\"row\">{E(m.Name)}</th>");
            sb.Append($"<td class=\"num strong\" data-metric=\"{E(m.Name)}\" data-value=\"{Raw(m.Value)}\">{E(ReportFormat.WithUnit(m.Value, m.Unit))}</td>");
            sb.Append($"<td class=\"num\" data-metric-interval=\"{E(m.Name)}\">{ReportFormat.Interval(m.Lower, m.Upper, m.Unit)}</td>");
            sb.Append($"<td>{E(WireNames.Of(m.Interval))}</td><td class=\"num\">{m.N}</td><td class=\"chart\">{chart}</td></tr>\n");
        }

        sb.Append("</tbody></table>\n</section>\n");
    }

    public static void AppendLatency(StringBuilder sb, EvaluationReport report)
    {
        var latency = report.Scorecard.Latency;
        if (latency.EndToEnd.Samples == 0 && latency.Retrieval.Samples == 0)
            return;
        sb.Append("<section id=\"latency\">\n<h2>Latency</h2>\n<div class=\"split\">\n<div class=\"panel\">");
        sb.Append(HtmlCharts.Histogram(latency));
        sb.Append("</div>\n<div class=\"panel\"><table><thead><tr><th>ms</th><th class=\"num\">retrieval</th><th class=\"num\">end to end</th></tr></thead><tbody>\n");
        LatencyRow(sb, "p50", latency, p => p.P50);
        LatencyRow(sb, "p95", latency, p => p.P95);
        LatencyRow(sb, "p99", latency, p => p.P99);
        LatencyRow(sb, "max", latency, p => p.Max);
        LatencyRow(sb, "mean", latency, p => p.Mean);
        sb.Append($"<tr><th scope=\"row\">samples</th><td class=\"num\">{latency.Retrieval.Samples}</td><td class=\"num\" data-latency=\"e2e.samples\">{latency.EndToEnd.Samples}</td></tr>\n");
        sb.Append("</tbody></table>\n");
        sb.Append($"<p>Throughput <strong data-latency=\"throughput\">{ReportFormat.Count(latency.ThroughputQps)}</strong> queries/s, end to end, {MarkdownSections.Clients(latency.Concurrency)}.</p>");
        foreach (var level in latency.Levels ?? [])
        {
            sb.Append($"<p data-load-level=\"{level.Concurrency}\">{level.Concurrency} concurrent: {ReportFormat.Count(level.ThroughputQps)} queries/s · p50 {ReportFormat.Ms(level.Latency.P50)} ms · p95 {ReportFormat.Ms(level.Latency.P95)} ms · p99 {ReportFormat.Ms(level.Latency.P99)} ms · {level.Errors} errors of {level.Requests}</p>");
        }

        if (MarkdownSections.SmallSampleNote(latency.EndToEnd) is { } note)
            sb.Append($"<p class=\"note\" data-note=\"small-sample\">{E(note)}</p>");
        sb.Append("</div>\n</div>\n</section>\n");
    }

    public static void AppendCost(StringBuilder sb, EvaluationReport report)
    {
        var cost = report.Scorecard.Cost;
        if (string.IsNullOrEmpty(cost.Model) && cost.TotalTokensMean == 0)
            return;
        var currency = E(cost.Currency);
        sb.Append("<section id=\"cost\">\n<h2>Tokens and cost</h2>\n<div class=\"stats\">");
        Stat(sb, "tokens.mean", "tokens per query, mean", ReportFormat.Count(cost.TotalTokensMean));
        Stat(sb, "tokens.p95", "tokens per query, p95", ReportFormat.Count(cost.TotalTokensP95));
        Stat(sb, "tokens.context", "context tokens, mean", ReportFormat.Count(cost.ContextTokensMean));
        Stat(sb, "per_query", $"cost per query ({currency})", ReportFormat.Money(cost.CostPerQuery));
        Stat(sb, "per_1000", $"cost per 1,000 queries ({currency})", ReportFormat.Money(cost.CostPer1000Queries));
        sb.Append("</div>\n");
        sb.Append($"<p class=\"muted\">Prompt {ReportFormat.Count(cost.PromptTokensMean)} + completion {ReportFormat.Count(cost.CompletionTokensMean)} tokens on average · model <code>{E(cost.Model)}</code> · tokenizer <code>{E(cost.Tokenizer)}</code> · price table <code>{E(cost.PriceTableVersion)}</code></p>\n");
        if (ReportFacts.EstimatedNote(cost) is { } estimated)
            sb.Append($"<p class=\"note\" data-note=\"tokens-estimated\">{E(estimated)}</p>\n");
        sb.Append("</section>\n");
    }

    public static void AppendCategories(StringBuilder sb, EvaluationReport report)
    {
        if (ReportFacts.Categories(report) is not { } categories)
            return;
        sb.Append("<section id=\"categories\">\n<h2>By category</h2>\n<table><thead><tr><th>Category</th><th class=\"num\">n</th>");
        foreach (var metric in categories.Metrics)
            sb.Append($"<th class=\"num\">{E(metric)}</th>");
        sb.Append("</tr></thead><tbody>\n");
        foreach (var row in categories.Rows)
        {
            sb.Append($"<tr><th scope=\"row\">{E(row.Category)}</th><td class=\"num\">{row.N}</td>");
            for (var i = 0; i < categories.Metrics.Count; i++)
                sb.Append($"<td class=\"num\" data-category-metric=\"{E(row.Category)}/{E(categories.Metrics[i])}\">{row.Values[i]}</td>");
            sb.Append("</tr>\n");
        }

        sb.Append("</tbody></table>\n</section>\n");
    }

    private static void LatencyRow(StringBuilder sb, string label, LatencySummary latency, Func<Percentiles, double> pick) =>
        sb.Append($"<tr><th scope=\"row\">{label}</th><td class=\"num\" data-latency=\"retrieval.{label}\">{ReportFormat.Ms(pick(latency.Retrieval))}</td><td class=\"num\" data-latency=\"e2e.{label}\">{ReportFormat.Ms(pick(latency.EndToEnd))}</td></tr>\n");

    private static void Stat(StringBuilder sb, string key, string label, string value) =>
        sb.Append($"<div class=\"stat\"><div class=\"stat-value\" data-cost=\"{key}\">{value}</div><div class=\"stat-label\">{label}</div></div>");
}
