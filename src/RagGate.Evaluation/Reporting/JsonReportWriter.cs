using System.Text.Json;

namespace RagGate.Evaluation.Reporting;

/// <summary>Writes the report object itself as indented camelCase JSON (<c>report.json</c>), for machines.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Name => ReportWriters.Json;

    /// <inheritdoc />
    public string FileName => "report.json";

    /// <inheritdoc />
    public async Task WriteAsync(EvaluationReport report, Stream output, CancellationToken ct)
    {
        await JsonSerializer.SerializeAsync(output, report, ReportJsonContext.Default.EvaluationReport, ct);
        await output.WriteAsync("\n"u8.ToArray(), ct);
    }

    /// <summary>Reads a report written by <see cref="WriteAsync"/>; <paramref name="source"/> names the file in errors.</summary>
    public static async Task<EvaluationReport> ReadAsync(Stream input, string source, CancellationToken ct)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(input, ReportJsonContext.Default.EvaluationReport, ct)
                ?? throw InputException.At(source, null, "expected a report object, found null");
        }
        catch (JsonException e)
        {
            var place = e.LineNumber is { } line ? (line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            throw new InputException(InputException.At(source, place, "expected a RagGate report.json: " + Reason(e)).Message, e);
        }
    }

    // The serializer's message ends with a path and a position we already report as the line.
    private static string Reason(JsonException e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
    }
}
