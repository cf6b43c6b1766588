using RagGate.Evaluation.Reporting;

namespace RagGate.Evaluation.Tests.Reporting;

/// <summary>Opens the written report.html in headless Chromium and checks what it renders after its script ran.</summary>
public sealed class HtmlReportWriterChromiumTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("raggate-html-");

    public void Dispose() => _dir.Delete(recursive: true);

    [ChromiumFact]
    public async Task DumpDom_WrittenReport_RendersTheReportNumbers()
    {
        var report = SampleReports.Create();
        var dom = await Chromium.DumpDomAsync(await WriteAsync(report));

        foreach (var metric in report.Scorecard.Metrics)
            Assert.Equal(ReportFormat.WithUnit(metric.Value, metric.Unit), HtmlDom.Text(dom, "data-metric", metric.Name));
        foreach (var gate in report.Gates)
            Assert.Equal(ReportFormat.Value(gate.Actual, ReportFacts.UnitOf(report, gate.Metric)), HtmlDom.Text(dom, "data-gate-actual", gate.Name));
        var latency = report.Scorecard.Latency;
        Assert.Equal(ReportFormat.Ms(latency.EndToEnd.P50), HtmlDom.Text(dom, "data-latency", "e2e.p50"));
        Assert.Equal(ReportFormat.Ms(latency.EndToEnd.P95), HtmlDom.Text(dom, "data-latency", "e2e.p95"));
        Assert.Equal(ReportFormat.Ms(latency.Retrieval.P99), HtmlDom.Text(dom, "data-latency", "retrieval.p99"));
        Assert.Equal(ReportFormat.Money(report.Scorecard.Cost.CostPer1000Queries), HtmlDom.Text(dom, "data-cost", "per_1000"));
        foreach (var m in report.Comparison!.Metrics)
            Assert.Equal(ReportFormat.Delta(m.Delta, ReportFacts.UnitOf(report, m.Name)), HtmlDom.Text(dom, "data-delta", m.Name));
        Assert.Equal(report.Scorecard.Queries.Select(q => q.Id), HtmlDom.QueryRows(dom));
        Assert.Null(HtmlDom.SortedBy(dom));
    }

    [ChromiumFact]
    public async Task DumpDom_SortFragment_OrdersRowsByLatency()
    {
        var report = SampleReports.Create();
        var dom = await Chromium.DumpDomAsync(await WriteAsync(report), "#sort=latency");

        var expected = report.Scorecard.Queries.OrderBy(q => q.LatencyMs).Select(q => q.Id).ToList();
        Assert.NotEqual(report.Scorecard.Queries.Select(q => q.Id), expected);
        Assert.Equal("latency", HtmlDom.SortedBy(dom));
        Assert.Equal(expected, HtmlDom.QueryRows(dom));
    }

    [ChromiumFact]
    public async Task DumpDom_DescendingFragment_OrdersRowsByTokensDescending()
    {
        var report = SampleReports.Create();
        var dom = await Chromium.DumpDomAsync(await WriteAsync(report), "#sort=-tokens");

        var expected = report.Scorecard.Queries.OrderByDescending(q => q.TotalTokens).Select(q => q.Id).ToList();
        Assert.Equal("-tokens", HtmlDom.SortedBy(dom));
        Assert.Equal(expected, HtmlDom.QueryRows(dom));
    }

    private async Task<string> WriteAsync(EvaluationReport report)
    {
        var written = await ReportFiles.WriteAllAsync(report, _dir.FullName, CancellationToken.None);
        return written.Single(p => p.EndsWith("report.html", StringComparison.Ordinal));
    }
}
