using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Comparing;

/// <summary>A candidate run against a baseline: metric deltas with significance, and the queries that got worse.</summary>
public sealed class Comparison
{
    /// <summary>The baseline system.</summary>
    public SystemIdentity Baseline { get; set; } = SystemIdentity.Unknown;

    /// <summary>Queries present in both runs with the same id and text: the only ones the statistics use.</summary>
    public int PairedQueries { get; set; }

    /// <summary>Queries added, removed or whose text changed: listed, never paired.</summary>
    public List<UnpairedQuery> Unpaired { get; set; } = [];

    /// <summary>One row per compared metric.</summary>
    public List<MetricComparison> Metrics { get; set; } = [];

    /// <summary>Queries that got worse, worst first.</summary>
    public List<QueryRegression> Regressions { get; set; } = [];
}
