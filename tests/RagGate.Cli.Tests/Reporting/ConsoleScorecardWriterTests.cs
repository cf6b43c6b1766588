using RagGate.Cli.Reporting;
using RagGate.Evaluation.Comparing;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Cost;
using RagGate.Evaluation.Gates;
using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Scoring;
using Spectre.Console;

namespace RagGate.Cli.Tests.Reporting;

public sealed class ConsoleScorecardWriterTests
{
    [Fact]
    public void Write_FailingReport_ShowsVerdictMetricsGatesAndReasons()
    {
        var report = CreateReport();
        var output = Render(report);

        Assert.Contains("✘ FAILED", output, StringComparison.Ordinal);
        var recall = report.Scorecard.Find("recall@10")!;
        var row = Line(output, "recall@10", ReportFormat.Ratio(recall.Value));
        Assert.Contains(ReportFormat.Interval(recall.Lower, recall.Upper, ""), row, StringComparison.Ordinal);
        Assert.Contains("✘ >= 0.9000", row, StringComparison.Ordinal);
        foreach (var gate in report.Gates)
        {
            var line = Line(output, gate.Name, gate.Reason);
            Assert.Contains(gate.Passed ? "✔" : "✘", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_Latency_ShowsPercentilesAndSmallSampleWarning()
    {
        var report = CreateReport();
        var output = Render(report);
        var e2e = report.Scorecard.Latency.EndToEnd;
        Assert.Contains($"p95 {ReportFormat.Ms(e2e.P95)} ms", output, StringComparison.Ordinal);
        Assert.Contains($"only {e2e.Samples} samples", output, StringComparison.Ordinal);
        Assert.Contains($"{ReportFormat.Money(report.Scorecard.Cost.CostPerQuery)} USD per query", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Comparison_ListsRegressedQueryWithLostDocument()
    {
        var report = CreateReport();
        var output = Render(report);
        var regression = report.Comparison!.Regressions.Single();
        var lost = regression.Lost.Single();
        Assert.Contains($"{lost.DocId} ({ReportFacts.Rank(lost.BaselineRank)} → {ReportFacts.Rank(lost.CandidateRank)})", output, StringComparison.Ordinal);
        Line(output, regression.Id, $"{ReportFormat.Ratio(regression.Baseline)} → {ReportFormat.Ratio(regression.Candidate)}");
    }

    [Fact]
    public void Write_TextWithMarkupBrackets_IsPrintedLiterally()
    {
        var report = CreateReport();
        report.Gates[0].Reason = "value [red]low[/] here";
        var output = Render(report);
        Assert.Contains("value [red]low[/] here", output, StringComparison.Ordinal);
    }

    private static string Line(string output, string first, string second) =>
        output.Split('\n').First(l => l.Contains(first, StringComparison.Ordinal) && l.Contains(second, StringComparison.Ordinal));

    private static string Render(EvaluationReport report)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 200;
        new ConsoleScorecardWriter(console).Write(report);
        return writer.ToString();
    }

    /// <summary>Three queries; recall, latency and cost follow from the data below.</summary>
    private static EvaluationReport CreateReport()
    {
        (string Id, string[] Expected, string[] Retrieved, string[] Baseline, double Ms)[] data =
        [
            ("q1", ["a"], ["a", "x"], ["a"], 120.5),
            ("q2", ["b", "c"], ["b", "y", "z"], ["c", "b"], 240.25),
            ("q3", ["d"], ["x", "d"], ["d"], 95.0),
        ];
        static double Recall(string[] expected, string[] retrieved) => (double)retrieved.Take(10).Count(expected.Contains) / expected.Length;
        var recalls = data.Select(d => Recall(d.Expected, d.Retrieved)).ToList();
        var baselineRecalls = data.Select(d => Recall(d.Expected, d.Baseline)).ToList();
        var latencies = data.Select(d => d.Ms).Order().ToList();
        var report = new EvaluationReport { ToolVersion = "0.1.0", CreatedAt = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero) };
        report.Scorecard.Metrics.Add(new MetricSummary { Name = "recall@10", Value = recalls.Average(), Lower = recalls.Min(), Upper = recalls.Max(), Interval = IntervalMethod.Bootstrap, N = data.Length });
        report.Scorecard.Latency.EndToEnd = new Percentiles { Samples = latencies.Count, P50 = latencies[1], P95 = latencies[^1], P99 = latencies[^1], Max = latencies[^1], Mean = latencies.Average() };
        report.Scorecard.Latency.ThroughputQps = 1000 / latencies.Average();
        report.Scorecard.Cost = new CostSummary { Model = "gpt-4o-mini", Tokenizer = "o200k_base", PriceTableVersion = "2025-06-01", TotalTokensMean = 900, CostPerQuery = 900 * 0.15 / 1_000_000 };
        var recall = report.Scorecard.Metrics[0];
        report.Gates.Add(new GateResult { Name = "recall@10 >= 0.9", Metric = "recall@10", Operator = GateOperator.AtLeast, Threshold = 0.9, Actual = recall.Value, Compared = recall.Value, Passed = recall.Value >= 0.9, Reason = $"the value is below 0.9: {recall.Value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)}" });
        report.Gates.Add(new GateResult { Name = "latency_p95_ms <= 500", Metric = "latency_p95_ms", Operator = GateOperator.AtMost, Threshold = 500, Actual = latencies[^1], Compared = latencies[^1], Passed = latencies[^1] <= 500, Reason = "within budget" });
        var comparison = new Comparison { PairedQueries = data.Length };
        comparison.Metrics.Add(new MetricComparison { Name = "recall@10", Baseline = baselineRecalls.Average(), Candidate = recalls.Average(), PValue = 0.5, AdjustedPValue = 0.5 });
        for (var i = 0; i < data.Length; i++)
        {
            if (recalls[i] >= baselineRecalls[i])
                continue;
            var d = data[i];
            comparison.Regressions.Add(new QueryRegression
            {
                Id = d.Id,
                Query = "query " + d.Id,
                Metric = "recall@10",
                Baseline = baselineRecalls[i],
                Candidate = recalls[i],
                Lost = [.. d.Expected.Where(e => !d.Retrieved.Contains(e)).Select(e => new LostDocument(e, Array.IndexOf(d.Baseline, e) + 1, null))],
                CandidateTop = [.. d.Retrieved.Where(r => !d.Expected.Contains(r))],
            });
        }

        report.Comparison = comparison;
        return report;
    }
}
