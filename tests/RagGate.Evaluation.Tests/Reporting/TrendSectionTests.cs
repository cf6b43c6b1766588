using RagGate.Evaluation.Reporting;

namespace RagGate.Evaluation.Tests.Reporting;

public sealed class TrendSectionTests
{
    private static EvaluationReport WithTrend(params double[] values)
    {
        var report = SampleReports.Create();
        report.TrendBranch = "main";
        report.Trends =
        [
            new MetricTrend { Metric = "recall@10", Points = [.. values.Select((v, i) => new TrendPoint(i + 1, v, Passed: v >= 0.8, GitSha: new string('a', 40)))] },
        ];
        return report;
    }

    [Fact]
    public void Sparkline_RisingValues_RiseFromTheLowestToTheHighestBlock() =>
        Assert.Equal("▁▃▆█", MarkdownTrendSection.Sparkline([0.6, 0.7, 0.8, 0.9]));

    [Fact]
    public void Sparkline_FlatValues_SitMidHeight() => Assert.Equal("▅▅▅", MarkdownTrendSection.Sparkline([0.5, 0.5, 0.5]));

    [Fact]
    public void Render_ReportWithTrend_HasASparklineRowWithFirstLatestAndChange()
    {
        var markdown = MarkdownReportWriter.Render(WithTrend(0.9, 0.7, 0.95));

        Assert.Contains("## Trend\n\nGated metrics over the last 3 runs of `main`", markdown, StringComparison.Ordinal);
        Assert.Contains("| `recall@10` | ▇▁█ | 3 | 0.9000 | 0.9500 | +0.0500 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReportWithoutStore_HasNoTrendSection()
    {
        Assert.DoesNotContain("## Trend", MarkdownReportWriter.Render(SampleReports.Create()), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"trends\"", HtmlReportWriter.Render(SampleReports.Create()), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderHtml_ReportWithTrend_DrawsOnePointPerRunColouredByVerdict()
    {
        var html = HtmlReportWriter.Render(WithTrend(0.9, 0.7, 0.95));

        var row = html[html.IndexOf("data-trend=\"recall@10\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Equal(3, row.Split("<circle ").Length - 1);
        Assert.Contains("<circle class=\"fail\"", row, StringComparison.Ordinal);
        Assert.Contains("data-run=\"2\" data-value=\"0.7\"", row, StringComparison.Ordinal);
        // The lowest value sits at the bottom edge (y = height - padding), the highest at the top.
        Assert.Contains("points=\"5,11 120,35 235,5\"", row, StringComparison.Ordinal);
    }
}
