using System.Diagnostics.CodeAnalysis;

namespace RagGate.Evaluation.Reporting;

/// <summary>The report formats by name, looked up the way named policies are.</summary>
internal static class ReportWriters
{
    /// <summary>Markdown for the CI step summary (<c>report.md</c>).</summary>
    public const string Markdown = "markdown";

    /// <summary>The report object as JSON (<c>report.json</c>).</summary>
    public const string Json = "json";

    /// <summary>JUnit XML, a test case per gate and per query check (<c>junit.xml</c>).</summary>
    public const string JUnit = "junit";

    /// <summary>A self-contained HTML page (<c>report.html</c>).</summary>
    public const string Html = "html";

    /// <summary>Every writer, in the order the files are written.</summary>
    public static IReadOnlyList<IReportWriter> All { get; } =
    [
        new MarkdownReportWriter(),
        new JsonReportWriter(),
        new JUnitReportWriter(),
        new HtmlReportWriter(),
    ];

    /// <summary>Finds a writer by name (case-insensitive).</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out IReportWriter? writer)
    {
        writer = null;
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                writer = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds a writer by name, or throws an <see cref="InputException"/> that lists the known names.</summary>
    public static IReportWriter Get(string name) =>
        TryGet(name, out var writer)
            ? writer
            : throw new InputException($"report format '{name}': expected one of {string.Join(", ", All.Select(w => w.Name))}");
}
