using System.Text;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Tests.Fixtures;

namespace RagGate.Evaluation.Tests.Reporting;

public sealed class ReportJsonCompatibilityTests
{
    [Fact]
    public async Task ReadThenWrite_Version1ReportJson_WritesTheSameValues()
    {
        var source = FixturePath.Version1("report.json");
        var text = await File.ReadAllTextAsync(source);

        EvaluationReport report;
        await using (var input = File.OpenRead(source))
            report = await JsonReportWriter.ReadAsync(input, source, CancellationToken.None);
        using var output = new MemoryStream();
        await new JsonReportWriter().WriteAsync(report, output, CancellationToken.None);

        JsonAssert.Preserves(text, Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Read_Version1ReportJson_ReadsTheVocabularyAsEnums()
    {
        var source = FixturePath.Version1("report.json");

        await using var input = File.OpenRead(source);
        var report = await JsonReportWriter.ReadAsync(input, source, CancellationToken.None);

        Assert.Contains(report.Gates, g => g is { Operator: GateOperator.AtLeast, Mode: GateMode.LowerBound });
        Assert.Contains(report.Gates, g => g is { Operator: GateOperator.AtMost, Mode: GateMode.Point });
        Assert.Contains(report.Scorecard.Metrics, m => m.Interval == IntervalMethod.Bootstrap);
        Assert.Contains(report.Scorecard.Metrics, m => m.Interval == IntervalMethod.Wilson);
        Assert.Contains(report.Scorecard.Metrics, m => m.Interval == IntervalMethod.None);
    }
}
