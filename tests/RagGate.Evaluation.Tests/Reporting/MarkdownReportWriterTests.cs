using RagGate.Evaluation.Reporting;

namespace RagGate.Evaluation.Tests.Reporting;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void Render_SampleReport_MatchesGolden() =>
        Golden.AssertMatches("report.md", MarkdownReportWriter.Render(SampleReports.Create()));

    [Fact]
    public void WritePullRequestComment_SampleReport_MatchesGolden() =>
        Golden.AssertMatches("pr-comment.md", MarkdownReportWriter.WritePullRequestComment(SampleReports.Create(), maxRegressions: 3));

    [Fact]
    public void Render_SampleReport_ShowsEveryMetricWithItsInterval()
    {
        var report = SampleReports.Create();
        var markdown = MarkdownReportWriter.Render(report);
        var section = markdown[markdown.IndexOf("## Metrics", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];
        foreach (var metric in report.Scorecard.Metrics)
        {
            var line = section.Split('\n').Single(l => l.StartsWith($"| `{metric.Name}` |", StringComparison.Ordinal));
            Assert.Contains($"| {ReportFormat.WithUnit(metric.Value, metric.Unit)} |", line, StringComparison.Ordinal);
            Assert.Contains($"| {ReportFormat.Interval(metric.Lower, metric.Upper, metric.Unit)} |", line, StringComparison.Ordinal);
            Assert.EndsWith($"| {metric.N} |", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_FailedGate_TitleSaysFailedAndRowHasReason()
    {
        var report = SampleReports.Create();
        var markdown = MarkdownReportWriter.Render(report);
        Assert.StartsWith("# RagGate report: ❌ Failed\n", markdown, StringComparison.Ordinal);
        foreach (var gate in report.Gates.Where(g => !g.Passed))
        {
            var row = markdown.Split('\n').Single(l => l.StartsWith("| " + MarkdownTable.Text(ReportFacts.GateLabel(gate)) + " |", StringComparison.Ordinal));
            Assert.Contains("❌ fail", row, StringComparison.Ordinal);
            Assert.Contains(MarkdownTable.Text(gate.Reason), row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_AllGatesPass_TitleSaysPassed()
    {
        var report = SampleReports.Create();
        report.Gates.RemoveAll(g => !g.Passed);
        Assert.NotEmpty(report.Gates);
        Assert.StartsWith("# RagGate report: ✅ Passed\n", MarkdownReportWriter.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FewerThan20Samples_SaysP95IsTheMaximum()
    {
        var few = MarkdownReportWriter.Render(SampleReports.Create());
        var many = MarkdownReportWriter.Render(SampleReports.CreateWithManySamples());
        Assert.Contains("the nearest-rank p95 and p99 equal the maximum", few, StringComparison.Ordinal);
        Assert.DoesNotContain("equal the maximum", many, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Regression_ListsLostDocumentsWithRanks()
    {
        var report = SampleReports.Create();
        var markdown = MarkdownReportWriter.Render(report);
        var lost = report.Comparison!.Regressions.SelectMany(r => r.Lost).ToList();
        Assert.NotEmpty(lost);
        foreach (var doc in lost)
            Assert.Contains($"| `{doc.DocId}` | {ReportFacts.Rank(doc.BaselineRank)} | {ReportFacts.Rank(doc.CandidateRank)} |", markdown, StringComparison.Ordinal);
        Assert.Contains("| not retrieved |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_QueryWithMarkup_EscapesPipesAndTags()
    {
        var markdown = MarkdownReportWriter.Render(SampleReports.Create());
        Assert.DoesNotContain("<b>wire</b>", markdown, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;wire&lt;/b&gt; transfer \\| abroad &amp; fast?", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MinimalReport_OmitsEmptySections()
    {
        var markdown = MarkdownReportWriter.Render(new EvaluationReport());
        Assert.Contains("No gates are configured.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Baseline comparison", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Latency", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void WritePullRequestComment_AnyReport_StartsWithMarkerAndLimitsRegressions()
    {
        var report = SampleReports.Create();
        var comment = MarkdownReportWriter.WritePullRequestComment(report, maxRegressions: 2);
        Assert.StartsWith(MarkdownReportWriter.CommentMarker + "\n", comment, StringComparison.Ordinal);
        Assert.Contains($"top 2 of {report.Comparison!.Regressions.Count}", comment, StringComparison.Ordinal);
        Assert.Equal(2, comment.Split('\n').Count(l => l.StartsWith("- `", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WriteAsync_SampleReport_WritesRenderedUtf8WithoutBom()
    {
        var report = SampleReports.Create();
        using var stream = new MemoryStream();
        await new MarkdownReportWriter().WriteAsync(report, stream, CancellationToken.None);
        var bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(MarkdownReportWriter.Render(report), System.Text.Encoding.UTF8.GetString(bytes));
    }
}
