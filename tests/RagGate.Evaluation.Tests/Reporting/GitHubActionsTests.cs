using RagGate.Evaluation.Gates;
using RagGate.Evaluation.Reporting;

namespace RagGate.Evaluation.Tests.Reporting;

public sealed class GitHubActionsTests
{
    [Fact]
    public void WriteAnnotations_Enabled_PrintsOneErrorPerFailedGate()
    {
        var report = SampleReports.Create();
        using var output = new StringWriter();
        var count = GitHubActions.WriteAnnotations(report, output, enabled: true);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var failed = report.Gates.Where(g => !g.Passed).ToList();
        Assert.Equal(failed.Count, count);
        // Reasons such as "the lower 95% bound" carry a percent sign, which workflow commands escape.
        Assert.Equal(failed.Select(g => $"::error title=RagGate gate::{ReportFacts.GateLabel(g)} failed: {g.Reason.Replace("%", "%25", StringComparison.Ordinal)}"), lines);
    }

    [Fact]
    public void WriteAnnotations_NotInActions_PrintsNothing()
    {
        using var output = new StringWriter();
        Assert.Equal(0, GitHubActions.WriteAnnotations(SampleReports.Create(), output, enabled: false));
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void WriteAnnotations_ReasonWithNewlineAndPercent_IsEscaped()
    {
        var report = SampleReports.Create();
        report.Gates = [new GateResult { Name = "recall@10 >= 0.85", Passed = false, Reason = "100% bad\r\nnext" }];
        using var output = new StringWriter();
        GitHubActions.WriteAnnotations(report, output, enabled: true);
        Assert.Equal("::error title=RagGate gate::recall@10 >= 0.85 failed: 100%25 bad%0D%0Anext\n", output.ToString());
    }

    [Fact]
    public void EscapeProperty_ColonAndComma_AreEscaped() =>
        Assert.Equal("a%3Ab%2Cc%25", GitHubActions.EscapeProperty("a:b,c%"));

    [Fact]
    public async Task AppendStepSummaryAsync_FileSet_AppendsAfterExistingContent()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "earlier step\n");
            Assert.True(await GitHubActions.AppendStepSummaryAsync("# RagGate", path, CancellationToken.None));
            Assert.Equal("earlier step\n# RagGate\n", await File.ReadAllTextAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AppendStepSummaryAsync_NoFile_ReturnsFalse() =>
        Assert.False(await GitHubActions.AppendStepSummaryAsync("# RagGate", path: null, CancellationToken.None));
}
