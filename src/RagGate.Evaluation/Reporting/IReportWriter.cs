namespace RagGate.Evaluation.Reporting;

/// <summary>Renders an <see cref="EvaluationReport"/> in one format; a pure function of the report.</summary>
public interface IReportWriter
{
    /// <summary>The format's name, one of the constants in <see cref="ReportWriters"/>.</summary>
    string Name { get; }

    /// <summary>The file name this format is written to, for example <c>report.md</c>.</summary>
    string FileName { get; }

    /// <summary>Writes the report to <paramref name="output"/> (UTF-8, no byte order mark).</summary>
    Task WriteAsync(EvaluationReport report, Stream output, CancellationToken ct);
}
