namespace RagGate.Server.Rollouts.Spec;

/// <summary>
/// One metric of an analysis template, with Argo Rollouts' fields and meanings: measured every
/// <see cref="Interval"/> after <see cref="InitialDelay"/>, <see cref="Count"/> times; the metric fails when
/// more than <see cref="FailureLimit"/> measurements failed, is inconclusive when more than
/// <see cref="InconclusiveLimit"/> were, and errors after more than <see cref="ConsecutiveErrorLimit"/> errors in a row.
/// </summary>
public sealed record MetricSpec
{
    /// <summary>Argo's default for <see cref="ConsecutiveErrorLimit"/>.</summary>
    public const int DefaultConsecutiveErrorLimit = 4;

    /// <summary>The metric's name, unique in its template.</summary>
    public required string Name { get; init; }

    /// <summary>What the judge measures (the <c>provider.raggate.measure</c> field).</summary>
    public required MeasureKind Measure { get; init; }

    /// <summary>Time between measurements; null for a single measurement.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>How many measurements (errors excluded, as in Argo) complete the metric; null to measure until the analysis ends.</summary>
    public int? Count { get; init; }

    /// <summary>Wait this long after the analysis starts before the first measurement.</summary>
    public TimeSpan InitialDelay { get; init; }

    /// <summary>A measurement whose result meets this is Successful; null for none.</summary>
    public ConditionExpression? SuccessCondition { get; init; }

    /// <summary>A measurement whose result meets this is Failed; null for none.</summary>
    public ConditionExpression? FailureCondition { get; init; }

    /// <summary>Failed measurements allowed before the metric fails (Argo: failed &gt; limit fails); the default 0 fails on the first.</summary>
    public int FailureLimit { get; init; }

    /// <summary>Inconclusive measurements allowed before the metric is Inconclusive (inconclusive &gt; limit).</summary>
    public int InconclusiveLimit { get; init; }

    /// <summary>Errors in a row allowed before the metric errors (consecutive errors &gt; limit).</summary>
    public int ConsecutiveErrorLimit { get; init; } = DefaultConsecutiveErrorLimit;
}
