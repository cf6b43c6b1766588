using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Reporting;

/// <summary>A candidate run against a baseline: metric deltas with significance, and the queries that got worse.</summary>
public sealed class Comparison
{
    /// <summary>The baseline system.</summary>
    public SystemIdentity Baseline { get; set; } = new("unknown", null, "none", null, null, null);

    /// <summary>Queries present in both runs.</summary>
    public int PairedQueries { get; set; }

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

    /// <summary>Lower end of the 95% bootstrap interval of the paired delta.</summary>
    public double DeltaLower { get; set; }

    /// <summary>Upper end of the 95% bootstrap interval of the paired delta.</summary>
    public double DeltaUpper { get; set; }

    /// <summary>Two-sided p-value of the paired randomization test.</summary>
    public double PValue { get; set; }

    /// <summary>p-value after Holm correction across the compared metrics.</summary>
    public double AdjustedPValue { get; set; }

    /// <summary>Queries where the candidate scored higher.</summary>
    public int Wins { get; set; }

    /// <summary>Queries with equal scores.</summary>
    public int Ties { get; set; }

    /// <summary>Queries where the candidate scored lower.</summary>
    public int Losses { get; set; }

    /// <summary>Smallest drop this golden set detects with 80% power at alpha 0.05.</summary>
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
