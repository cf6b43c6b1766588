using System.Text;
using System.Xml.Linq;
using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Scoring;

namespace RagGate.Evaluation.Tests.Reporting;

public sealed class JUnitReportWriterTests
{
    [Fact]
    public async Task WriteAsync_SampleReport_MatchesGolden() =>
        Golden.AssertMatches("junit.xml", await WriteAsync(SampleReports.Create()));

    [Fact]
    public async Task WriteAsync_SampleReport_CountsMatchTheReport()
    {
        var report = SampleReports.Create();
        var xml = XDocument.Parse(await WriteAsync(report));
        var gates = Suite(xml, "gates");
        var queries = Suite(xml, "queries");
        var checks = report.Scorecard.Queries.SelectMany(q => q.Checks).ToList();

        Assert.Equal(report.Gates.Count, (int)gates.Attribute("tests")!);
        Assert.Equal(report.Gates.Count(g => !g.Passed), (int)gates.Attribute("failures")!);
        Assert.Equal(report.Gates.Count(g => !g.Passed), gates.Elements("testcase").Count(t => t.Element("failure") is not null));
        Assert.Equal(checks.Count, (int)queries.Attribute("tests")!);
        Assert.Equal(0, (int)queries.Attribute("failures")!);
        Assert.Equal(checks.Count(c => !c.Passed), (int)queries.Attribute("skipped")!);
        Assert.Equal(checks.Count(c => !c.Passed), queries.Elements("testcase").Count(t => t.Element("skipped") is not null));
        Assert.Equal(report.Gates.Count + checks.Count, (int)xml.Root!.Attribute("tests")!);
        Assert.Equal(report.Gates.Count(g => !g.Passed), (int)xml.Root!.Attribute("failures")!);
    }

    [Fact]
    public async Task WriteAsync_AllGatesPassWithFailedChecks_SuiteHasNoFailures()
    {
        var report = SampleReports.Create();
        foreach (var gate in report.Gates)
            gate.Passed = true;
        Assert.Contains(report.Scorecard.Queries.SelectMany(q => q.Checks), c => !c.Passed);

        var xml = XDocument.Parse(await WriteAsync(report));

        Assert.Equal(0, (int)xml.Root!.Attribute("failures")!);
        Assert.Empty(xml.Descendants("failure"));
        Assert.All(xml.Descendants("skipped"), s => Assert.StartsWith("per-query check", (string)s.Attribute("message")!));
    }

    [Fact]
    public async Task WriteAsync_FailedGate_FailureCarriesTheReason()
    {
        var report = SampleReports.Create();
        var xml = XDocument.Parse(await WriteAsync(report));
        foreach (var gate in report.Gates)
        {
            var test = Suite(xml, "gates").Elements("testcase").Single(t => (string)t.Attribute("name")! == ReportFacts.GateLabel(gate));
            Assert.Equal(gate.Passed ? null : gate.Reason, (string?)test.Element("failure")?.Attribute("message"));
        }
    }

    [Fact]
    public async Task WriteAsync_QueryChecks_ClassNameIsQueryIdAndNameIsCheck()
    {
        var report = SampleReports.Create();
        var xml = XDocument.Parse(await WriteAsync(report));
        var expected = report.Scorecard.Queries.SelectMany(q => q.Checks.Select(c => (q.Id, c.Name))).ToList();
        var actual = Suite(xml, "queries").Elements("testcase")
            .Select(t => ((string)t.Attribute("classname")!, (string)t.Attribute("name")!)).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task WriteAsync_MarkupAndControlCharacters_StaysWellFormedAndKeepsText()
    {
        var report = SampleReports.Create();
        var query = report.Scorecard.Queries[0];
        query.Id = "q<1>&\"x\"";
        query.Checks[0] = new QueryCheck("retrieval", false, "bad \u0001 byte & <tag>\nsecond line");
        var xml = XDocument.Parse(await WriteAsync(report));
        var test = Suite(xml, "queries").Elements("testcase").First();
        Assert.Equal("q<1>&\"x\"", (string)test.Attribute("classname")!);
        Assert.Equal("per-query check (does not fail the run): bad \uFFFD byte & <tag>\nsecond line", (string)test.Element("skipped")!.Attribute("message")!);
    }

    [Fact]
    public async Task WriteAsync_SameReportTwice_IsByteIdentical() =>
        Assert.Equal(await WriteAsync(SampleReports.Create()), await WriteAsync(SampleReports.Create()));

    private static XElement Suite(XDocument xml, string name) =>
        xml.Root!.Elements("testsuite").Single(s => (string)s.Attribute("name")! == name);

    private static async Task<string> WriteAsync(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        await new JUnitReportWriter().WriteAsync(report, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
