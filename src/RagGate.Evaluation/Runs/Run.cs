using RagGate.Evaluation.Config;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Runs;

/// <summary>
/// Everything measured for one evaluation of one system on one golden set. Metrics, gates,
/// comparisons and reports are pure functions of runs; nothing re-queries the system to report.
/// Serialized as <c>run.json</c>.
/// </summary>
public sealed class Run
{
    /// <summary>The run.json format version this build writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Format version of this run.</summary>
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>The RagGate version that made the run.</summary>
    public string ToolVersion { get; set; } = "";

    /// <summary>When the run started (UTC).</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Wall time of the whole run in milliseconds.</summary>
    public double WallTimeMs { get; set; }

    /// <summary>The git commit of the working tree, when there is one.</summary>
    public string? GitSha { get; set; }

    /// <summary>The system under test.</summary>
    public SystemIdentity System { get; set; } = new("unknown", null, "none", null, null, null);

    /// <summary>The golden set file and its SHA-256.</summary>
    public string? GoldenSet { get; set; }

    /// <summary>SHA-256 of the golden set file.</summary>
    public string? GoldenSetHash { get; set; }

    /// <summary>How many documents each query retrieved.</summary>
    public int TopK { get; set; }

    /// <summary>Warm-up queries run before measuring, and repetitions per query.</summary>
    public int WarmupQueries { get; set; }

    /// <summary>Measured repetitions per query.</summary>
    public int Repetitions { get; set; } = 1;

    /// <summary>The threshold gates of the config the run was evaluated with; null in runs from before they were recorded.</summary>
    public List<GateRule>? Gates { get; set; }

    /// <summary>The regression rules of that config, which <c>raggate compare</c> applies when given no --config.</summary>
    public List<RegressionRule>? Regressions { get; set; }

    /// <summary>One record per golden query, in golden-set order.</summary>
    public List<QueryRecord> Queries { get; set; } = [];
}
