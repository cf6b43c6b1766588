using RagGate.Evaluation.Reporting;
using Spectre.Console;

namespace RagGate.Cli.Reporting;

/// <summary>The terminal view of a baseline comparison: metric deltas with significance, and the queries that got worse.</summary>
internal static class ConsoleComparisonWriter
{
    public static void Write(IAnsiConsole console, EvaluationReport report, int maxRegressions)
    {
        if (report.Comparison is not { } comparison)
            return;
        var deltas = new Table().Border(TableBorder.Rounded).Title($"Against the baseline ({Markup.Escape(ReportFacts.Describe(comparison.Baseline))})")
            .AddColumn("Metric").AddColumn(new TableColumn("Baseline").RightAligned()).AddColumn(new TableColumn("Candidate").RightAligned())
            .AddColumn(new TableColumn("Delta").RightAligned()).AddColumn(new TableColumn("CI").RightAligned()).AddColumn(new TableColumn("p (worse)").RightAligned())
            .AddColumn(new TableColumn("Holm p").RightAligned()).AddColumn(new TableColumn("W/T/L").RightAligned());
        foreach (var m in comparison.Metrics)
        {
            var unit = ReportFacts.UnitOf(report, m.Name);
            var worse = m.HigherIsBetter ? m.Delta < 0 : m.Delta > 0;
            var delta = ReportFormat.Delta(m.Delta, unit);
            deltas.AddRow(new Text(m.Name), new Text(ReportFormat.Value(m.Baseline, unit)), new Text(ReportFormat.Value(m.Candidate, unit)),
                new Markup(worse ? $"[red]{delta}[/]" : delta), new Text(ReportFacts.DeltaInterval(m, unit)), new Text(ReportFormat.PValue(m.PValue)),
                new Text(m.Gated ? ReportFormat.PValue(m.AdjustedPValue) : "not gated"), new Text($"{m.Wins}/{m.Ties}/{m.Losses}"));
        }

        console.Write(deltas);
        console.MarkupLine($"[grey]{Markup.Escape(ReportFacts.ComparisonMethod)}[/]");
        foreach (var m in comparison.Metrics.Where(m => m.Note is not null))
            console.MarkupLine($"[grey]  {Markup.Escape(m.Name)}: {Markup.Escape(m.Note!)}[/]");
        if (comparison.Unpaired.Count > 0)
        {
            console.MarkupLine($"[yellow]{comparison.Unpaired.Count} queries not paired (left out of the comparison):[/]");
            foreach (var q in comparison.Unpaired.Take(maxRegressions))
                console.MarkupLine($"  {Markup.Escape(q.Id)} {Markup.Escape(q.Query)} [grey]{Markup.Escape(q.Reason)}[/]");
            if (comparison.Unpaired.Count > maxRegressions)
                console.MarkupLine($"[grey]  ... and {comparison.Unpaired.Count - maxRegressions} more in report.md[/]");
        }

        if (comparison.Regressions.Count == 0)
        {
            console.MarkupLine("[green]No query got worse.[/]");
            return;
        }

        var shown = comparison.Regressions.Take(maxRegressions).ToList();
        var table = new Table().Border(TableBorder.Rounded)
            .Title(shown.Count < comparison.Regressions.Count ? $"Queries that got worse (top {shown.Count} of {comparison.Regressions.Count})" : "Queries that got worse")
            .AddColumn("Query").AddColumn("Metric").AddColumn(new TableColumn("Baseline → candidate").RightAligned()).AddColumn("Why (lost documents: rank)").AddColumn("Returned instead");
        foreach (var r in shown)
        {
            var unit = ReportFacts.UnitOf(report, r.Metric);
            table.AddRow(
                new Text($"{r.Id}\n{r.Query}"),
                new Text(r.Metric),
                new Text($"{ReportFormat.Value(r.Baseline, unit)} → {ReportFormat.Value(r.Candidate, unit)}"),
                new Text(r.Lost.Count > 0
                    ? string.Join("\n", r.Lost.Select(l => $"{l.DocId} ({ReportFacts.Rank(l.BaselineRank)} → {ReportFacts.Rank(l.CandidateRank)})"))
                    : r.Reason),
                new Text(string.Join("\n", r.CandidateTop)));
        }

        console.Write(table);
    }
}
