namespace RagGate.Evaluation.Statistics;

/// <summary>
/// The smallest true change a golden set can detect: MDE = (z_{1-alpha/2} + z_{power}) · sd / sqrt(n), the
/// normal-approximation power formula for a two-sided test of a mean. With 10 queries it is often larger
/// than the drop a gate is meant to catch, which is what a user needs to know.
/// </summary>
public static class MinimumDetectableEffect
{
    /// <summary>
    /// MDE of a paired comparison from per-query values (the deltas between two runs, or one run's scores
    /// as a stand-in for their spread): sd is the sample standard deviation (n - 1). Infinity when n &lt; 2.
    /// </summary>
    public static double Paired(IReadOnlyList<double> deltasOrScores, double alpha = 0.05, double power = 0.8)
    {
        var n = deltasOrScores.Count;
        if (n < 2)
            return double.PositiveInfinity;
        var mean = deltasOrScores.Average();
        var squares = 0.0;
        foreach (var value in deltasOrScores)
            squares += (value - mean) * (value - mean);
        var sd = Math.Sqrt(squares / (n - 1));
        return Multiplier(alpha, power) * sd / Math.Sqrt(n);
    }

    /// <summary>MDE of a pass rate over <paramref name="n"/> queries with sd = sqrt(p(1 - p)); pass 0.5 for the worst case. Infinity when n is 0.</summary>
    public static double PassRate(double passRate, int n, double alpha = 0.05, double power = 0.8)
    {
        if (passRate is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(passRate), passRate, "A rate in [0, 1] is expected.");
        if (n <= 0)
            return double.PositiveInfinity;
        return Multiplier(alpha, power) * Math.Sqrt(passRate * (1 - passRate) / n);
    }

    private static double Multiplier(double alpha, double power)
    {
        if (alpha is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie strictly between 0 and 1.");
        if (power is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(power), power, "power must lie strictly between 0 and 1.");
        return Normal.Quantile(1 - alpha / 2) + Normal.Quantile(power);
    }
}
