namespace RagGate.Evaluation.Scoring;

/// <summary>Scores and checks of one golden query.</summary>
public sealed class QueryScore
{
    /// <summary>Query id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Query text.</summary>
    public string Query { get; set; } = "";

    /// <summary>Optional category.</summary>
    public string? Category { get; set; }

    /// <summary>True when the golden set expects a refusal.</summary>
    public bool Unanswerable { get; set; }

    /// <summary>Metric values of this query by canonical name.</summary>
    public Dictionary<string, double> Values { get; set; } = [];

    /// <summary>Pass/fail checks of this query (keyword coverage, refusal, must-not-contain...).</summary>
    public List<QueryCheck> Checks { get; set; } = [];

    /// <summary>Rank of the first relevant document, when one was retrieved.</summary>
    public int? FirstRelevantRank { get; set; }

    /// <summary>Retrieved document ids, best first (top 10), for the report tables.</summary>
    public List<string> Retrieved { get; set; } = [];

    /// <summary>Relevant document ids from the golden set.</summary>
    public List<string> Expected { get; set; } = [];

    /// <summary>The answer given.</summary>
    public string? Answer { get; set; }

    /// <summary>Median end-to-end latency of this query, in milliseconds.</summary>
    public double LatencyMs { get; set; }

    /// <summary>Total tokens of this query.</summary>
    public int TotalTokens { get; set; }

    /// <summary>Share of repetitions that passed every check, when the run repeated queries; null with one repetition.</summary>
    public double? PassRate { get; set; }

    /// <summary>Repetitions scored, when more than one.</summary>
    public int? Repetitions { get; set; }

    /// <summary>True when the verdict differed across repetitions; null with one repetition.</summary>
    public bool? Flaky => PassRate is null ? null : PassRate is > 0 and < 1;

    /// <summary>True when every check passed (on every repetition).</summary>
    public bool Passed => Checks.TrueForAll(c => c.Passed);
}
