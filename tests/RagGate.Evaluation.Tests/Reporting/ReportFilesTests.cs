using RagGate.Evaluation.Reporting;

namespace RagGate.Evaluation.Tests.Reporting;

public sealed class ReportFilesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("raggate-reports-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task WriteAllAsync_NewFolder_WritesTheFourFilesAndNoTemporaries()
    {
        var outDir = Path.Combine(_dir.FullName, "out", "nested");
        var report = SampleReports.Create();
        var written = await ReportFiles.WriteAllAsync(report, outDir, CancellationToken.None);

        Assert.Equal(["junit.xml", "report.html", "report.json", "report.md"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(ReportWriters.All.Select(w => Path.Combine(outDir, w.FileName)), written);
        Assert.Equal(MarkdownReportWriter.Render(report), await File.ReadAllTextAsync(Path.Combine(outDir, "report.md")));
    }

    [Fact]
    public async Task WriteAllAsync_Cancelled_LeavesExistingFilesAndNoTemporaries()
    {
        var existing = Path.Combine(_dir.FullName, "report.md");
        await File.WriteAllTextAsync(existing, "previous");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReportFiles.WriteAllAsync(SampleReports.Create(), _dir.FullName, cancelled.Token));

        Assert.Equal([existing], Directory.GetFiles(_dir.FullName));
        Assert.Equal("previous", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task WriteAllAsync_WriterFails_RenamesNothing()
    {
        // A report whose HTML cannot be rendered (a null list) fails after the first writers succeeded.
        var report = SampleReports.Create();
        report.Scorecard.Latency.Histogram = null!;
        await Assert.ThrowsAnyAsync<Exception>(() => ReportFiles.WriteAllAsync(report, _dir.FullName, CancellationToken.None));
        Assert.Empty(Directory.GetFiles(_dir.FullName));
    }
}
