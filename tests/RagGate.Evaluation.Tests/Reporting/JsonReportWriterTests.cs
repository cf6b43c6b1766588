using System.Text.Json;
using RagGate.Evaluation.Reporting;

namespace RagGate.Evaluation.Tests.Reporting;

public sealed class JsonReportWriterTests
{
    [Fact]
    public async Task ReadAsync_WrittenReport_RoundTripsKeyValues()
    {
        var report = SampleReports.Create();
        var copy = await RoundTripAsync(report);

        Assert.Equal(report.CreatedAt, copy.CreatedAt);
        Assert.Equal(report.System, copy.System with { Properties = report.System.Properties });
        Assert.Equal(report.System.Properties.OrderBy(p => p.Key), copy.System.Properties.OrderBy(p => p.Key));
        Assert.Equal(report.Passed, copy.Passed);
        Assert.Equal(report.Scorecard.Metrics.Select(m => (m.Name, m.Value, m.Lower, m.Upper, m.N, m.Unit)),
            copy.Scorecard.Metrics.Select(m => (m.Name, m.Value, m.Lower, m.Upper, m.N, m.Unit)));
        Assert.Equal(report.Gates.Select(g => (g.Name, g.Passed, g.Compared, g.Reason)), copy.Gates.Select(g => (g.Name, g.Passed, g.Compared, g.Reason)));
        Assert.Equal(report.Scorecard.Queries.Select(q => (q.Id, q.Passed, q.FirstRelevantRank, q.Values.Count)),
            copy.Scorecard.Queries.Select(q => (q.Id, q.Passed, q.FirstRelevantRank, q.Values.Count)));
        Assert.Equal(report.Scorecard.Latency.Histogram, copy.Scorecard.Latency.Histogram);
        Assert.Equal(report.Scorecard.Cost.CostPerQuery, copy.Scorecard.Cost.CostPerQuery);
        Assert.Equal(report.Comparison!.Regressions.SelectMany(r => r.Lost), copy.Comparison!.Regressions.SelectMany(r => r.Lost));
    }

    [Fact]
    public async Task WriteAsync_SampleReport_IsIndentedCamelCaseWithVerdict()
    {
        var report = SampleReports.Create();
        var json = await WriteAsync(report);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(report.Passed, document.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal(report.Scorecard.Metrics[0].Value, document.RootElement.GetProperty("scorecard").GetProperty("metrics")[0].GetProperty("value").GetDouble());
        Assert.StartsWith("{\n  \"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NotANumber_IsWrittenAndReadBack()
    {
        var report = SampleReports.Create();
        report.Comparison!.Metrics[0].PValue = double.NaN;
        var copy = await RoundTripAsync(report);
        Assert.True(double.IsNaN(copy.Comparison!.Metrics[0].PValue));
    }

    [Fact]
    public async Task ReadAsync_BrokenJson_ThrowsInputExceptionNamingTheFile()
    {
        using var stream = new MemoryStream("{\n  \"scorecard\": [1,"u8.ToArray());
        var e = await Assert.ThrowsAsync<InputException>(() => JsonReportWriter.ReadAsync(stream, "out/report.json", CancellationToken.None));
        Assert.StartsWith("out/report.json:", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    private static async Task<EvaluationReport> RoundTripAsync(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        await new JsonReportWriter().WriteAsync(report, stream, CancellationToken.None);
        stream.Position = 0;
        return await JsonReportWriter.ReadAsync(stream, "report.json", CancellationToken.None);
    }

    private static async Task<string> WriteAsync(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        await new JsonReportWriter().WriteAsync(report, stream, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
