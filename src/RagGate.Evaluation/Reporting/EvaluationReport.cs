using RagGate.Evaluation.Comparing;
using RagGate.Evaluation.Gates;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Reporting;

/// <summary>
/// Everything a report shows, computed from runs alone: the scorecard, the gate verdicts and the
/// comparison with a baseline. Every report writer renders this one object.
/// </summary>
public sealed class EvaluationReport
{
    /// <summary>The RagGate version that made the report.</summary>
    public string ToolVersion { get; set; } = "";

    /// <summary>When the report was made (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The system under test.</summary>
    public SystemIdentity System { get; set; } = SystemIdentity.Unknown;

    /// <summary>The golden set path, as given.</summary>
    public string? GoldenSet { get; set; }

    /// <summary>The git commit of the run, when known.</summary>
    public string? GitSha { get; set; }

    /// <summary>The measured metrics.</summary>
    public Scorecard Scorecard { get; set; } = new();

    /// <summary>One verdict per configured gate.</summary>
    public List<GateResult> Gates { get; set; } = [];

    /// <summary>The comparison with a baseline run, when one was given.</summary>
    public Comparison? Comparison { get; set; }

    /// <summary>Things the reader should know (small samples, nearest-rank percentiles).</summary>
    public List<string> Notes { get; set; } = [];

    /// <summary>The branch whose recent runs <see cref="Trends"/> shows; null when no history store was given.</summary>
    public string? TrendBranch { get; set; }

    /// <summary>Each gated metric over the branch's last runs, from the history store; null without one.</summary>
    public List<MetricTrend>? Trends { get; set; }

    /// <summary>True when every gate passed.</summary>
    public bool Passed => Gates.TrueForAll(g => g.Passed);
}
