using RagGate.Evaluation.Config;
using RagGate.Evaluation.Metrics;

namespace RagGate.Evaluation.Comparing;

/// <summary>How a comparison is made: resamples, permutations, seed, and which metrics name regressed queries.</summary>
internal sealed record ComparisonOptions
{
    /// <summary>Bootstrap resamples for the delta interval.</summary>
    public int Resamples { get; init; } = 2000;

    /// <summary>Sign-flip permutations for the randomization test.</summary>
    public int Permutations { get; init; } = 10_000;

    /// <summary>Seed for both.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Top documents whose text must hold the expected keywords.</summary>
    public int KeywordContextDocuments { get; init; } = 5;

    /// <summary>The alpha of a metric no regression rule gates.</summary>
    public const double UngatedAlpha = 0.05;

    /// <summary>The regression rules: the family Holm's correction runs over, each row tested at its rule's alpha.</summary>
    public IReadOnlyList<RegressionRule> Rules { get; init; } = [];

    /// <summary>Metrics checked, in order, to decide that a query got worse.</summary>
    public IReadOnlyList<string> RegressionMetrics { get; init; } =
        ["recall@10", "ndcg@10", "keyword_coverage", "answer_keyword_hit", MetricCatalog.RefusalAccuracy, MetricCatalog.QueryPassRate];
}
