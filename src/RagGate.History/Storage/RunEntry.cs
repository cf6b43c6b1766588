using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Targets;

namespace RagGate.History.Storage;

/// <summary>A run about to be recorded: its identity, verdict, metric values and the JSON documents themselves.</summary>
public sealed record RunEntry
{
    /// <summary>When the run was recorded (UTC).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The git branch the run was made on, when known.</summary>
    public string? Branch { get; init; }

    /// <summary>The git commit of the run, when known.</summary>
    public string? GitSha { get; init; }

    /// <summary>The system under test.</summary>
    public required SystemIdentity System { get; init; }

    /// <summary>The golden set path, as recorded in the run.</summary>
    public string? GoldenSet { get; init; }

    /// <summary>The RagGate version that made the run.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>True when every gate passed.</summary>
    public required bool Passed { get; init; }

    /// <summary>How many gates were applied.</summary>
    public required int GatesTotal { get; init; }

    /// <summary>How many of them failed.</summary>
    public required int GatesFailed { get; init; }

    /// <summary>Metric name to value: the scorecard's metrics and every gated metric (names are unique).</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> Metrics { get; init; }

    /// <summary>report.json: the scorecard, the gate verdicts and the comparison.</summary>
    public required string ReportJson { get; init; }

    /// <summary>run.json: everything measured per query.</summary>
    public required string RunJson { get; init; }

    /// <summary>Builds the entry for a run and the report made from it.</summary>
    public static async Task<RunEntry> FromAsync(Run run, EvaluationReport report, string? branch, DateTimeOffset recordedAt, CancellationToken cancellationToken)
    {
        return new RunEntry
        {
            RecordedAt = recordedAt,
            Branch = branch,
            GitSha = run.GitSha,
            System = run.System,
            GoldenSet = run.GoldenSet,
            ToolVersion = report.ToolVersion,
            Passed = report.Passed,
            GatesTotal = report.Gates.Count,
            GatesFailed = report.Gates.Count(g => !g.Passed),
            Metrics = MetricValues(report),
            ReportJson = await Render(new JsonReportWriter(), report, cancellationToken),
            RunJson = await SerializeAsync(run, cancellationToken),
        };
    }

    /// <summary>The scorecard's metrics, then the measured value of every gate over all queries whose metric the scorecard does not list.</summary>
    internal static List<KeyValuePair<string, double>> MetricValues(EvaluationReport report)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var metric in report.Scorecard.Metrics)
            values.TryAdd(metric.Name, metric.Value);
        foreach (var gate in report.Gates.Where(g => g.Category is null && g.Mode != Evaluation.Config.GateMode.Regression))
            values.TryAdd(gate.Metric, gate.Actual);
        return [.. values.Where(v => double.IsFinite(v.Value))];
    }

    private static async Task<string> Render(IReportWriter writer, EvaluationReport report, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(report, stream, cancellationToken);
        return global::System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<string> SerializeAsync(Run run, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await RunFile.WriteToAsync(run, stream, cancellationToken);
        return global::System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
