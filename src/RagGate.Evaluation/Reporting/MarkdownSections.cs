using System.Text;

namespace RagGate.Evaluation.Reporting;

/// <summary>The Markdown sections about latency, cost, categories, failed checks and notes.</summary>
internal static class MarkdownSections
{
    /// <summary>Below this many samples the nearest-rank p95 is the largest sample.</summary>
    public const int SmallSample = 20;

    public static void AppendLatency(StringBuilder sb, EvaluationReport report)
    {
        var latency = report.Scorecard.Latency;
        if (latency.EndToEnd.Samples == 0 && latency.Retrieval.Samples == 0)
            return;
        sb.Append("## Latency\n\n");
        var table = new MarkdownTable(["Stage", "p50 (ms)", "p95 (ms)", "p99 (ms)", "max (ms)", "mean (ms)", "samples"], "lrrrrrr");
        Row(table, "retrieval", latency.Retrieval);
        Row(table, "end to end", latency.EndToEnd);
        table.AppendTo(sb);
        sb.Append("Throughput: ").Append(ReportFormat.Count(latency.ThroughputQps)).Append(" queries/s, end to end, one at a time.\n\n");
        if (SmallSampleNote(latency.EndToEnd) is { } note)
            sb.Append("> ").Append(note).Append("\n\n");
    }

    /// <summary>The note a reader needs when the sample is too small for the tail percentiles to mean much.</summary>
    public static string? SmallSampleNote(Percentiles p) =>
        p.Samples is > 0 and < SmallSample
            ? $"Only {p.Samples} samples (fewer than {SmallSample}): the nearest-rank p95 and p99 equal the maximum."
            : null;

    public static void AppendCost(StringBuilder sb, EvaluationReport report)
    {
        var cost = report.Scorecard.Cost;
        if (string.IsNullOrEmpty(cost.Model) && cost.TotalTokensMean == 0)
            return;
        sb.Append("## Cost\n\n");
        var table = new MarkdownTable(["", "Value"], "lr");
        table.AddRow("Tokens per query (mean)", ReportFormat.Count(cost.TotalTokensMean))
            .AddRow("Tokens per query (p95)", ReportFormat.Count(cost.TotalTokensP95))
            .AddRow("Prompt / completion tokens (mean)", $"{ReportFormat.Count(cost.PromptTokensMean)} / {ReportFormat.Count(cost.CompletionTokensMean)}")
            .AddRow("Context tokens (mean)", ReportFormat.Count(cost.ContextTokensMean))
            .AddRow("Cost per query", $"{ReportFormat.Money(cost.CostPerQuery)} {MarkdownTable.Text(cost.Currency)}")
            .AddRow("Cost per 1,000 queries", $"{ReportFormat.Money(cost.CostPer1000Queries)} {MarkdownTable.Text(cost.Currency)}");
        table.AppendTo(sb);
        sb.Append("Model ").Append(MarkdownTable.Code(cost.Model)).Append(" · tokenizer ").Append(MarkdownTable.Code(cost.Tokenizer))
            .Append(" · price table ").Append(MarkdownTable.Code(cost.PriceTableVersion)).Append("\n\n");
    }

    public static void AppendCategories(StringBuilder sb, EvaluationReport report)
    {
        var rows = report.Scorecard.Categories;
        if (rows.Count == 0)
            return;
        var categories = rows.Select(r => r.Category).Distinct(StringComparer.Ordinal).ToList();
        var metrics = rows.Select(r => r.Metric).Distinct(StringComparer.Ordinal).ToList();
        sb.Append("## By category\n\n");
        var table = new MarkdownTable(["Category", "n", .. metrics.Select(MarkdownTable.Code)], "lr" + new string('r', metrics.Count));
        foreach (var category in categories)
        {
            var cells = new List<string> { MarkdownTable.Text(category), ReportFormat.Integer(rows.First(r => r.Category == category).N) };
            foreach (var metric in metrics)
            {
                var row = rows.Find(r => r.Category == category && r.Metric == metric);
                cells.Add(row is null ? ReportFormat.NotAvailable : ReportFormat.Value(row.Value, ReportFacts.UnitOf(report, metric)));
            }

            table.AddRow([.. cells]);
        }

        table.AppendTo(sb);
    }

    public static void AppendFailedChecks(StringBuilder sb, EvaluationReport report)
    {
        var total = ReportFacts.CheckCount(report);
        if (total == 0)
            return;
        var failed = ReportFacts.FailedChecks(report);
        sb.Append("## Query checks\n\n");
        if (failed.Count == 0)
        {
            sb.Append("All ").Append(ReportFormat.Integer(total)).Append(" query checks passed.\n\n");
            return;
        }

        var queries = failed.Select(f => f.Query.Id).Distinct(StringComparer.Ordinal).Count();
        sb.Append("<details>\n<summary>").Append($"{failed.Count} of {total} checks failed in {queries} of {report.Scorecard.Queries.Count} queries")
            .Append("</summary>\n\n");
        var table = new MarkdownTable(["Query", "Text", "Check", "Reason"], "llll");
        foreach (var (query, check) in failed)
            table.AddRow(MarkdownTable.Code(query.Id), MarkdownTable.Text(query.Query), MarkdownTable.Code(check.Name), MarkdownTable.Text(check.Reason));
        table.AppendTo(sb);
        sb.Append("</details>\n\n");
    }

    public static void AppendDetectableDrops(StringBuilder sb, EvaluationReport report)
    {
        var rows = report.Scorecard.DetectableDrops;
        if (rows.Count == 0)
            return;
        sb.Append("## Smallest detectable drop\n\n");
        var table = new MarkdownTable(["Metric", "Queries", "Per-query SD", "One-sided alpha", "Min. detectable drop", "Rule max_drop", "Queries needed"], "lrrrrrr");
        foreach (var row in rows)
        {
            var unit = ReportFacts.UnitOf(report, row.Metric);
            table.AddRow(MarkdownTable.Code(row.Metric), ReportFormat.Integer(row.Queries), ReportFormat.Value(row.StandardDeviation, unit),
                ReportFormat.PValue(row.Alpha), double.IsFinite(row.Drop) ? ReportFormat.Value(row.Drop, unit) : "none detectable",
                row.MaxDrop is { } max ? ReportFormat.Value(max, unit) : "-", row.QueriesNeeded is { } n ? ReportFormat.Integer(n) : "-");
        }

        table.AppendTo(sb);
        sb.Append("80% power, from this run's per-query spread (docs/metrics.md).\n\n");
    }

    public static void AppendNotes(StringBuilder sb, EvaluationReport report)
    {
        if (report.Notes.Count == 0)
            return;
        sb.Append("## Notes\n\n");
        foreach (var note in report.Notes)
            sb.Append("- ").Append(MarkdownTable.Text(note)).Append('\n');
        sb.Append('\n');
    }

    private static void Row(MarkdownTable table, string stage, Percentiles p) =>
        table.AddRow(stage, ReportFormat.Ms(p.P50), ReportFormat.Ms(p.P95), ReportFormat.Ms(p.P99), ReportFormat.Ms(p.Max),
            ReportFormat.Ms(p.Mean), ReportFormat.Integer(p.Samples));
}
