using RagGate.Evaluation.Comparing;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Reporting;

/// <summary>A candidate run against a baseline: metric deltas with significance, and the queries that got worse.</summary>
public sealed class Comparison
{
    /// <summary>The baseline system.</summary>
    public SystemIdentity Baseline { get; set; } = new("unknown", null, "none", null, null, null);

    /// <summary>Queries present in both runs with the same id and text: the only ones the statistics use.</summary>
    public int PairedQueries { get; set; }

    /// <summary>Queries added, removed or whose text changed: listed, never paired.</summary>
    public List<UnpairedQuery> Unpaired { get; set; } = [];

    /// <summary>One row per compared metric.</summary>
    public List<MetricComparison> Metrics { get; set; } = [];

    /// <summary>Queries that got worse, worst first.</summary>
    public List<QueryRegression> Regressions { get; set; } = [];
}

/// <summary>One metric, baseline against candidate, with a paired test.</summary>
public sealed class MetricComparison
{
    /// <summary>Metric name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Baseline mean.</summary>
    public double Baseline { get; set; }

    /// <summary>Candidate mean.</summary>
    public double Candidate { get; set; }

    /// <summary>Candidate minus baseline.</summary>
    public double Delta => Candidate - Baseline;

    /// <summary>Lower end of the bootstrap interval of the paired delta (level: <see cref="IntervalConfidence"/>).</summary>
    public double DeltaLower { get; set; }

    /// <summary>Upper end of the bootstrap interval of the paired delta.</summary>
    public double DeltaUpper { get; set; }

    /// <summary>
    /// Two-sided level of the delta interval, 1 - 2·alpha/m (m: the regression rules; 1 for an ungated metric), so
    /// its worse-side end is the one-sided bound that agrees with the test at the corrected level.
    /// </summary>
    public double IntervalConfidence { get; set; } = 0.9;

    /// <summary>One-sided p-value of the paired randomization test of "the candidate is worse".</summary>
    public double PValue { get; set; }

    /// <summary>p-value after Holm correction across the regression rules; equal to <see cref="PValue"/> for an ungated metric.</summary>
    public double AdjustedPValue { get; set; }

    /// <summary>True when a regression rule gates this metric (it is in the Holm family).</summary>
    public bool Gated { get; set; }

    /// <summary>The alpha the row was tested at: its regression rule's, or 0.05 for an ungated metric.</summary>
    public double Alpha { get; set; } = 0.05;

    /// <summary>Why the interval and the p-value seem to disagree, when they do; null otherwise.</summary>
    public string? Note { get; set; }

    /// <summary>Queries where the candidate scored higher.</summary>
    public int Wins { get; set; }

    /// <summary>Queries with equal scores.</summary>
    public int Ties { get; set; }

    /// <summary>Queries where the candidate scored lower.</summary>
    public int Losses { get; set; }

    /// <summary>Smallest drop the paired queries detect with 80% power at <see cref="Alpha"/> (one-sided), from the candidate's per-query spread.</summary>
    public double MinimumDetectableDrop { get; set; }

    /// <summary>True when a larger value is better.</summary>
    public bool HigherIsBetter { get; set; } = true;
}

/// <summary>A query that scored lower in the candidate, and the relevant documents it lost.</summary>
public sealed class QueryRegression
{
    /// <summary>Query id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Query text.</summary>
    public string Query { get; set; } = "";

    /// <summary>Metric that dropped.</summary>
    public string Metric { get; set; } = "";

    /// <summary>Baseline value.</summary>
    public double Baseline { get; set; }

    /// <summary>Candidate value.</summary>
    public double Candidate { get; set; }

    /// <summary>Relevant documents whose rank got worse or that fell out of the results.</summary>
    public List<LostDocument> Lost { get; set; } = [];

    /// <summary>Why the query got worse, in one sentence (lost documents, or lost keywords).</summary>
    public string Reason { get; set; } = "";

    /// <summary>Documents retrieved at the top by the candidate instead.</summary>
    public List<string> CandidateTop { get; set; } = [];
}

/// <summary>A relevant document's rank in both runs; null means not retrieved.</summary>
public sealed record LostDocument(string DocId, int? BaselineRank, int? CandidateRank);
