namespace RagGate.Evaluation.Scoring;

/// <summary>
/// How small a drop in one gated metric this golden set can detect (one-sided, with 80% power), from the
/// metric's per-query spread in this run; with a regression rule, whether that is small enough to enforce it.
/// </summary>
/// <param name="Metric">The gated metric.</param>
/// <param name="Queries">Queries with a value of the metric.</param>
/// <param name="StandardDeviation">The per-query sample standard deviation of the metric in this run.</param>
/// <param name="Alpha">The level tested at: the rule's alpha over the number of rules (Holm's first step), or 0.05 without a rule.</param>
/// <param name="Drop">The minimum detectable drop; infinity when no drop is detectable.</param>
/// <param name="MaxDrop">The regression rule's <c>max_drop</c>, when a rule gates the metric.</param>
/// <param name="QueriesNeeded">Queries with the same spread that would detect <paramref name="MaxDrop"/>, when the golden set is too small.</param>
public sealed record DetectableDrop(string Metric, int Queries, double StandardDeviation, double Alpha, double Drop, double? MaxDrop, int? QueriesNeeded)
{
    /// <summary>The statistical power the drop is computed for.</summary>
    public const double Power = 0.8;

    /// <summary>True when a regression rule allows a drop smaller than this golden set can detect.</summary>
    public bool TooSmallForRule => MaxDrop is { } max && Drop > max;
}
