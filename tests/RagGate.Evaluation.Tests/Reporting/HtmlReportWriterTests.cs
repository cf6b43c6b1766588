using System.Text.RegularExpressions;
using RagGate.Evaluation.Reporting;

namespace RagGate.Evaluation.Tests.Reporting;

public sealed partial class HtmlReportWriterTests
{
    [Fact]
    public void Render_SampleReport_LoadsNothingFromTheNetwork()
    {
        var html = HtmlReportWriter.Render(SampleReports.Create());
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    // The file as written is what a reader with scripts disabled sees: every number is already there.
    [Fact]
    public void Render_SampleReport_PutsEveryNumberInTheStaticPage()
    {
        var report = SampleReports.Create();
        var html = HtmlReportWriter.Render(report);
        foreach (var metric in report.Scorecard.Metrics)
            Assert.Equal(ReportFormat.WithUnit(metric.Value, metric.Unit), HtmlDom.Text(html, "data-metric", metric.Name));
        Assert.Equal(ReportFormat.Ms(report.Scorecard.Latency.EndToEnd.P95), HtmlDom.Text(html, "data-latency", "e2e.p95"));
        Assert.Equal(report.Scorecard.Queries.Select(q => q.Id), HtmlDom.QueryRows(html));
        Assert.Null(HtmlDom.SortedBy(html));
    }

    [Fact]
    public void Render_QueryWithMarkup_IsEncoded()
    {
        var report = SampleReports.Create();
        report.System = report.System with { Name = "<script>alert(1)</script>" };
        var html = HtmlReportWriter.Render(report);
        Assert.DoesNotContain("<b>wire</b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;wire&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<script>", RegexOptions.None, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Render_Histogram_HasOneBarPerBucketWithItsCount()
    {
        var report = SampleReports.Create();
        var html = HtmlReportWriter.Render(report);
        var counts = Regex.Matches(html, "<rect class=\"hbar\"[^>]*data-count=\"(\\d+)\"", RegexOptions.None, TimeSpan.FromSeconds(5))
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(report.Scorecard.Latency.Histogram.Select(b => b.Count), counts);
        Assert.Contains($"p95 {ReportFormat.Ms(report.Scorecard.Latency.EndToEnd.P95)} ms", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameReportTwice_IsIdentical() =>
        Assert.Equal(HtmlReportWriter.Render(SampleReports.Create()), HtmlReportWriter.Render(SampleReports.Create()));

    [GeneratedRegex("""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
