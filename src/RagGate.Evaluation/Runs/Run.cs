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
    public SystemIdentity System { get; set; } = SystemIdentity.Unknown;

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

    /// <summary>Concurrent clients of the measured rounds whose answers are scored.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>
    /// Requests and wall-clock time per concurrency level; the first is the scored rounds. Null in
    /// runs written before throughput was measured from wall time.
    /// </summary>
    public List<LoadLevel>? Load { get; set; }

    /// <summary>Why the run stopped before every planned request was made (a spent budget), or null when it finished.</summary>
    public string? Stopped { get; set; }

    /// <summary>Money the run spent (warm-up included, price table currency), recorded when it ran under <c>eval.max_cost</c>.</summary>
    public double? Spent { get; set; }
    /// <summary>The threshold gates of the config the run was evaluated with; null in runs from before they were recorded.</summary>
    public List<GateRule>? Gates { get; set; }

    /// <summary>The regression rules of that config, which <c>raggate compare</c> applies when given no --config.</summary>
    public List<RegressionRule>? Regressions { get; set; }

    /// <summary>One record per golden query, in golden-set order.</summary>
    public List<QueryRecord> Queries { get; set; } = [];
}
