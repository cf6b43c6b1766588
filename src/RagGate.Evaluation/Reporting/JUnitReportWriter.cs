using System.Globalization;
using System.Text;
using System.Xml;
using RagGate.Evaluation.Gates;
using RagGate.Evaluation.Scoring;

namespace RagGate.Evaluation.Reporting;

/// <summary>
/// Writes JUnit XML (<c>junit.xml</c>) that CI test tabs understand: a <c>gates</c> suite with a test case
/// per gate, and a <c>queries</c> suite with a test case per query check (class name = query id).
/// Only gates fail: a failed query check is a skipped case carrying its reason, so a run whose gates all
/// pass is green in every JUnit viewer and a red one lists exactly the failed gates.
/// </summary>
internal sealed class JUnitReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Name => ReportWriters.JUnit;

    /// <inheritdoc />
    public string FileName => "junit.xml";

    /// <inheritdoc />
    public async Task WriteAsync(EvaluationReport report, Stream output, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        Write(report, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    private static void Write(EvaluationReport report, Stream output)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        var gates = report.Gates.Select(GateCase).ToList();
        var checks = report.Scorecard.Queries.SelectMany(q => q.Checks.Select(c => CheckCase(q, c))).ToList();
        var timestamp = ReportFormat.Timestamp(report.CreatedAt);
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "raggate");
            WriteCounts(xml, [.. gates, .. checks]);
            WriteSuite(xml, "gates", timestamp, gates, report);
            WriteSuite(xml, "queries", timestamp, checks, report);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        output.Write("\n"u8);
    }

    private static TestCase GateCase(GateResult gate) =>
        new("gates", Clean(ReportFacts.GateLabel(gate)), 0, gate.Passed ? null : Clean(gate.Reason), null, "gate");

    // The query's latency is shared among its checks, so the suite's time adds up to the run's.
    private static TestCase CheckCase(QueryScore query, QueryCheck check) =>
        new(Clean(query.Id), Clean(check.Name), query.LatencyMs / 1000.0 / query.Checks.Count,
            null, check.Passed ? null : Clean($"per-query check (does not fail the run): {check.Reason ?? "check failed"}"), "check");

    private static void WriteSuite(XmlWriter xml, string name, string timestamp, List<TestCase> cases, EvaluationReport report)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", name);
        WriteCounts(xml, cases);
        xml.WriteAttributeString("timestamp", timestamp);
        xml.WriteStartElement("properties");
        foreach (var (label, value) in ReportFacts.Identity(report))
            Property(xml, label, value);
        Property(xml, "raggate", report.ToolVersion);
        xml.WriteEndElement();
        foreach (var test in cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", test.ClassName);
            xml.WriteAttributeString("name", test.Name);
            xml.WriteAttributeString("time", Seconds(test.Seconds));
            if (test.Failure is { } failure)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("message", failure);
                xml.WriteAttributeString("type", test.Kind);
                xml.WriteString(failure);
                xml.WriteEndElement();
            }

            if (test.Skipped is { } skipped)
            {
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", skipped);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter xml, List<TestCase> cases)
    {
        xml.WriteAttributeString("tests", cases.Count.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", cases.Count(c => c.Failure is not null).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", cases.Count(c => c.Skipped is not null).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", Seconds(cases.Sum(c => Math.Round(c.Seconds, 3))));
    }

    private static void Property(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", Clean(name));
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    private static string Seconds(double seconds) =>
        (double.IsFinite(seconds) && seconds > 0 ? Math.Round(seconds, 3) : 0).ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>Drops characters XML 1.0 cannot carry at all (control characters), which would make the writer throw.</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
            return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
                sb.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                sb.Append(text[i]).Append(text[++i]);
            else
                sb.Append('\uFFFD');
        }

        return sb.ToString();
    }

    private sealed record TestCase(string ClassName, string Name, double Seconds, string? Failure, string? Skipped, string Kind);
}
