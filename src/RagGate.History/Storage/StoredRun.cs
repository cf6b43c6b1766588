using RagGate.Evaluation.Targets;

namespace RagGate.History.Storage;

/// <summary>A run read back from history. The JSON documents are filled only by <see cref="IRunStore.GetAsync"/>.</summary>
public sealed record StoredRun
{
    /// <summary>The id the store gave the run.</summary>
    public required long Id { get; init; }

    /// <summary>When the run was recorded (UTC).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>The git branch, when known.</summary>
    public string? Branch { get; init; }

    /// <summary>The git commit, when known.</summary>
    public string? GitSha { get; init; }

    /// <summary>The system under test.</summary>
    public required SystemIdentity System { get; init; }

    /// <summary>The golden set path.</summary>
    public string? GoldenSet { get; init; }

    /// <summary>The RagGate version that made the run.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>True when every gate passed.</summary>
    public required bool Passed { get; init; }

    /// <summary>How many gates were applied.</summary>
    public required int GatesTotal { get; init; }

    /// <summary>How many failed.</summary>
    public required int GatesFailed { get; init; }

    /// <summary>Metric name to value.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>report.json, or null in a listing.</summary>
    public string? ReportJson { get; init; }

    /// <summary>run.json, or null in a listing.</summary>
    public string? RunJson { get; init; }
}
