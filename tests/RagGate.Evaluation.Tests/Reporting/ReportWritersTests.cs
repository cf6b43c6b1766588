using RagGate.Evaluation.Reporting;

namespace RagGate.Evaluation.Tests.Reporting;

public sealed class ReportWritersTests
{
    [Theory]
    [InlineData(ReportWriters.Markdown, "report.md")]
    [InlineData(ReportWriters.Json, "report.json")]
    [InlineData(ReportWriters.JUnit, "junit.xml")]
    [InlineData(ReportWriters.Html, "report.html")]
    public void Get_KnownName_ReturnsWriterWithThatNameAndFile(string name, string fileName)
    {
        var writer = ReportWriters.Get(name.ToUpperInvariant());
        Assert.Equal(name, writer.Name);
        Assert.Equal(fileName, writer.FileName);
    }

    [Fact]
    public void Get_UnknownName_ThrowsOneLineInputExceptionListingNames()
    {
        var e = Assert.Throws<InputException>(() => ReportWriters.Get("pdf"));
        Assert.Equal("report format 'pdf': expected one of markdown, json, junit, html", e.Message);
    }

    [Fact]
    public void All_Writers_HaveDistinctNamesAndFiles()
    {
        Assert.Equal(ReportWriters.All.Count, ReportWriters.All.Select(w => w.Name).Distinct().Count());
        Assert.Equal(ReportWriters.All.Count, ReportWriters.All.Select(w => w.FileName).Distinct().Count());
        Assert.False(ReportWriters.TryGet("", out _));
    }
}
