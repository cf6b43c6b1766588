using RagGate.Evaluation;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Reporting;
using Spectre.Console;

namespace RagGate.Cli.Reporting;

/// <summary>
/// Prints the scorecard for people at a terminal: metrics with intervals and gate status, the gates with
/// reasons, latency and cost lines, and the regressions against a baseline. A pure function of the report.
/// </summary>
internal sealed class ConsoleScorecardWriter(IAnsiConsole console)
{
    private const string Pass = "[green]✔[/]";
    private const string Fail = "[red]✘[/]";

    public void Write(EvaluationReport report, int maxRegressions = 10)
    {
        WriteHeader(report);
        WriteMetrics(report);
        WriteGates(report);
        WriteLatencyAndCost(report);
        ConsoleComparisonWriter.Write(console, report, maxRegressions);
        WriteNotes(report);
    }

    private void WriteNotes(EvaluationReport report)
    {
        foreach (var note in report.Notes)
            console.MarkupLine($"[yellow]Note:[/] {Markup.Escape(note)}");
    }

    private void WriteHeader(EvaluationReport report)
    {
        var failed = ReportFacts.FailedGates(report);
        var verdict = report.Passed ? "[green bold]✔ PASSED[/]" : "[red bold]✘ FAILED[/]";
        var gates = report.Gates.Count == 0 ? "no gates configured"
            : failed == 0 ? $"all {report.Gates.Count} gates passed" : $"{failed} of {report.Gates.Count} gates failed";
        console.Write(new Rule($"RagGate {verdict} [grey]({gates})[/]").LeftJustified());
        var identity = ReportFacts.Identity(report).Select(p => $"[grey]{Markup.Escape(p.Label)}[/] {Markup.Escape(p.Value)}");
        console.MarkupLine(string.Join("  ", identity));
        console.WriteLine();
    }

    private void WriteMetrics(EvaluationReport report)
    {
        if (report.Scorecard.Metrics.Count == 0)
            return;
        var table = new Table().Border(TableBorder.Rounded).Title("Scorecard")
            .AddColumn("Metric").AddColumn(new TableColumn("Value").RightAligned())
            .AddColumn(new TableColumn("95% CI").RightAligned()).AddColumn(new TableColumn("n").RightAligned()).AddColumn("Gate");
        foreach (var metric in report.Scorecard.Metrics)
        {
            var gates = report.Gates.Where(g => g.Category is null && g.Mode != GateMode.Regression
                && string.Equals(g.Metric, metric.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            var gate = string.Join(" ", gates.Select(g =>
                $"{(g.Passed ? Pass : Fail)} {Markup.Escape(WireNames.Of(g.Operator))} {ReportFormat.Value(g.Threshold, metric.Unit)}{(g.Mode == GateMode.LowerBound ? " [grey](bound)[/]" : "")}"));
            table.AddRow(
                new Text(metric.Name),
                new Text(ReportFormat.WithUnit(metric.Value, metric.Unit)),
                new Text(ReportFormat.Interval(metric.Lower, metric.Upper, metric.Unit)),
                new Text(ReportFormat.Integer(metric.N)),
                new Markup(gate.Length == 0 ? "[grey]-[/]" : gate));
        }

        console.Write(table);
    }

    private void WriteGates(EvaluationReport report)
    {
        if (report.Gates.Count == 0)
            return;
        console.MarkupLine("[bold]Gates[/]");
        foreach (var gate in report.Gates)
        {
            var unit = ReportFacts.UnitOf(report, gate.Metric);
            console.MarkupLine($"  {(gate.Passed ? Pass : Fail)} {Markup.Escape(ReportFacts.GateLabel(gate))}  "
                + $"[bold]{ReportFormat.Value(gate.Actual, unit)}[/]  [grey]{Markup.Escape(gate.Reason)}[/]");
        }

        console.WriteLine();
    }

    private void WriteLatencyAndCost(EvaluationReport report)
    {
        var latency = report.Scorecard.Latency;
        if (latency.EndToEnd.Samples > 0)
        {
            var e2e = latency.EndToEnd;
            console.MarkupLine($"[bold]Latency[/]  p50 {ReportFormat.Ms(e2e.P50)} ms · p95 {ReportFormat.Ms(e2e.P95)} ms · p99 {ReportFormat.Ms(e2e.P99)} ms"
                + $" · {e2e.Samples} samples · {ReportFormat.Count(latency.ThroughputQps)} queries/s"
                + (latency.Retrieval.Samples > 0 ? $" [grey](retrieval p95 {ReportFormat.Ms(latency.Retrieval.P95)} ms)[/]" : ""));
            foreach (var level in latency.Levels ?? [])
            {
                console.MarkupLine($"         [grey]{level.Concurrency} concurrent: {ReportFormat.Count(level.ThroughputQps)} queries/s · p50 {ReportFormat.Ms(level.Latency.P50)} ms"
                    + $" · p95 {ReportFormat.Ms(level.Latency.P95)} ms · p99 {ReportFormat.Ms(level.Latency.P99)} ms · {level.Errors} errors of {level.Requests}[/]");
            }

            if (e2e.Samples < 20)
                console.MarkupLine($"         [yellow]only {e2e.Samples} samples (fewer than 20): the nearest-rank p95 and p99 equal the maximum[/]");
        }

        var cost = report.Scorecard.Cost;
        if (!string.IsNullOrEmpty(cost.Model) || cost.TotalTokensMean > 0)
        {
            var currency = Markup.Escape(cost.Currency);
            console.MarkupLine($"[bold]Tokens[/]   {ReportFormat.Count(cost.TotalTokensMean)} per query (p95 {ReportFormat.Count(cost.TotalTokensP95)}) · context {ReportFormat.Count(cost.ContextTokensMean)}");
            console.MarkupLine($"[bold]Cost[/]     {ReportFormat.Money(cost.CostPerQuery)} {currency} per query · {ReportFormat.Money(cost.CostPer1000Queries)} {currency} per 1,000"
                + $" [grey]({Markup.Escape(cost.Model)}, {Markup.Escape(cost.Tokenizer)}, prices {Markup.Escape(cost.PriceTableVersion)})[/]");
            if (ReportFacts.EstimatedNote(cost) is { } note)
                console.MarkupLine($"         [yellow]{Markup.Escape(note)}[/]");
        }

        var flaky = report.Scorecard.Queries.Where(q => q.Flaky == true).ToList();
        if (flaky.Count > 0)
        {
            console.MarkupLine($"[bold]Flaky[/]    {flaky.Count} queries passed on some repetitions only: "
                + Markup.Escape(string.Join(", ", flaky.Select(q => $"{q.Id} ({ReportFormat.Value(q.PassRate ?? 0, "")})"))));
        }

        console.WriteLine();
    }
}
