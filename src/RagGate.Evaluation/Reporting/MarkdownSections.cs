using System.Text;
using RagGate.Evaluation.Scoring;

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
        sb.Append("Throughput: ").Append(ReportFormat.Count(latency.ThroughputQps)).Append(" queries/s, end to end, ").Append(Clients(latency.Concurrency)).Append(".\n\n");
        AppendLoadLevels(sb, latency);
        if (SmallSampleNote(latency.EndToEnd) is { } note)
            sb.Append("> ").Append(note).Append("\n\n");
    }

    /// <summary>How many clients sent queries at once, in words.</summary>
    public static string Clients(int concurrency) => concurrency <= 1 ? "one at a time" : $"{concurrency} concurrent clients";

    private static void AppendLoadLevels(StringBuilder sb, LatencySummary latency)
    {
        if (latency.Levels is null)
            return;
        var table = new MarkdownTable(["Concurrency", "requests", "errors", "queries/s", "p50 (ms)", "p95 (ms)", "p99 (ms)"], "rrrrrrr");
        foreach (var level in latency.Levels)
        {
            table.AddRow(level.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture), level.Requests.ToString(System.Globalization.CultureInfo.InvariantCulture), level.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ReportFormat.Count(level.ThroughputQps), ReportFormat.Ms(level.Latency.P50), ReportFormat.Ms(level.Latency.P95), ReportFormat.Ms(level.Latency.P99));
        }

        sb.Append("Latency and throughput per concurrency level (wall clock over the measured requests; only the first level's answers are scored):\n\n");
        table.AppendTo(sb);
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
        if (ReportFacts.EstimatedNote(cost) is { } note)
            sb.Append("> ").Append(note).Append("\n\n");
    }

    public static void AppendFlaky(StringBuilder sb, EvaluationReport report)
    {
        var flaky = report.Scorecard.Queries.Where(q => q.Flaky == true).ToList();
        if (flaky.Count == 0)
            return;
        sb.Append("## Flaky queries\n\n")
            .Append($"{flaky.Count} of {report.Scorecard.Queries.Count} queries passed on some repetitions and failed on others; gates use each query's mean over its repetitions.\n\n");
        var table = new MarkdownTable(["Query", "Text", "Pass rate", "Repetitions", "Failed checks"], "llrrl");
        foreach (var query in flaky)
        {
            table.AddRow(MarkdownTable.Code(query.Id), MarkdownTable.Text(query.Query), ReportFormat.Value(query.PassRate ?? 0, ""),
                ReportFormat.Integer(query.Repetitions ?? 1), MarkdownTable.Text(string.Join("; ", query.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Reason}"))));
        }

        table.AppendTo(sb);
    }

    public static void AppendCategories(StringBuilder sb, EvaluationReport report)
    {
        if (ReportFacts.Categories(report) is not { } categories)
            return;
        sb.Append("## By category\n\n");
        var table = new MarkdownTable(["Category", "n", .. categories.Metrics.Select(MarkdownTable.Code)], "lr" + new string('r', categories.Metrics.Count));
        foreach (var row in categories.Rows)
            table.AddRow([MarkdownTable.Text(row.Category), ReportFormat.Integer(row.N), .. row.Values]);
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
