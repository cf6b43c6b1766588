namespace RagGate.Evaluation.Statistics;

/// <summary>A two-sided interval estimate.</summary>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    /// <summary>True when <paramref name="value"/> lies inside the interval, bounds included.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
