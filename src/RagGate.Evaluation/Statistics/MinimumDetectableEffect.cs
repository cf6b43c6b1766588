namespace RagGate.Evaluation.Statistics;

/// <summary>
/// The smallest true drop a golden set can detect. With 10 queries it is often larger than the drop a gate is
/// meant to catch, which is what a user needs to know before trusting a green regression gate.
/// </summary>
internal static class MinimumDetectableEffect
{
    /// <summary>
    /// The drop d that the one-sided paired sign-flip test at <paramref name="alpha"/> detects with probability
    /// <paramref name="power"/>, from one run's per-query values: their sample standard deviation s (n - 1) stands
    /// in for the spread of the per-query differences. The sign-flip null has variance mean(delta²) = s² + d², so
    /// d solves d·sqrt(n) = z_power·s + z_(1-alpha)·sqrt(s² + d²):
    /// d = s·(sqrt(n)·z_power + z_(1-alpha)·sqrt(n + z_power² - z_(1-alpha)²)) / (n - z_(1-alpha)²).
    /// For large n this is (z_(1-alpha) + z_power)·s/sqrt(n). Infinity when n is too small for any drop to be detected.
    /// </summary>
    public static double OneSidedDrop(IReadOnlyList<double> values, double alpha, double power = 0.8) =>
        OneSidedDrop(StandardDeviation(values), values.Count, alpha, power);

    /// <summary>The same drop from a known standard deviation <paramref name="sd"/> and query count <paramref name="n"/>.</summary>
    public static double OneSidedDrop(double sd, int n, double alpha, double power = 0.8)
    {
        Check(alpha, power);
        var za = Normal.Quantile(1 - alpha);
        var zb = Normal.Quantile(power);
        if (n < 2 || n <= za * za || double.IsNaN(sd))
            return double.PositiveInfinity;
        return sd * (Math.Sqrt(n) * zb + za * Math.Sqrt(n + zb * zb - za * za)) / (n - za * za);
    }

    /// <summary>
    /// The drop detectable when every query either keeps its score or loses all of it (per-query values in [0, 1]):
    /// the changes with the most variance per unit of mean drop, since a per-query drop x in [0, 1] has x² &lt;= x.
    /// Under the sign-flip null the variance is then d and under the drop d(1 - d), so d solves
    /// sqrt(d·n) = z_(1-alpha) + z_power·sqrt(1 - d) (by bisection). This is what a near-perfect metric (a tiny
    /// per-query spread) can really detect: a few queries losing their document, not a uniform shift.
    /// </summary>
    public static double AllOrNothingDrop(int n, double alpha, double power = 0.8)
    {
        Check(alpha, power);
        var za = Normal.Quantile(1 - alpha);
        var zb = Normal.Quantile(power);
        double Gap(double d) => Math.Sqrt(d * n) - za - zb * Math.Sqrt(1 - d);
        if (n < 2 || Gap(1) < 0)
            return double.PositiveInfinity;
        double low = 0, high = 1;
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            if (Gap(mid) >= 0) high = mid; else low = mid;
        }

        return high;
    }

    /// <summary>
    /// The minimum detectable drop a report states: <see cref="OneSidedDrop(IReadOnlyList{double}, double, double)"/>, and for
    /// a ratio metric (<paramref name="unitRange"/>) at least <see cref="AllOrNothingDrop"/>, so a near-ceiling metric does not promise to see a drop
    /// that one or two queries losing their document would make.
    /// </summary>
    public static double ReportedDrop(IReadOnlyList<double> values, bool unitRange, double alpha, double power = 0.8) =>
        ReportedDrop(StandardDeviation(values), values.Count, unitRange, alpha, power);

    /// <summary>The same from a known spread, query count and whether the metric is a ratio in [0, 1] (not a cost, which can be small too).</summary>
    public static double ReportedDrop(double sd, int n, bool unitRange, double alpha, double power = 0.8)
    {
        var drop = OneSidedDrop(sd, n, alpha, power);
        return unitRange ? Math.Max(drop, AllOrNothingDrop(n, alpha, power)) : drop;
    }

    /// <summary>
    /// How many queries with the same per-query spread make <see cref="ReportedDrop(double, int, bool, double, double)"/>
    /// at most <paramref name="maxDrop"/>; null when the drop is not positive or a spread of zero leaves nothing to scale.
    /// </summary>
    public static int? QueriesNeeded(double sd, bool unitRange, double maxDrop, double alpha, double power = 0.8)
    {
        Check(alpha, power);
        if (maxDrop <= 0 || double.IsNaN(sd) || (sd <= 0 && !unitRange))
            return null;
        var z = Normal.Quantile(1 - alpha) + Normal.Quantile(power);
        var spread = unitRange ? Math.Max(sd * sd, maxDrop) : sd * sd;
        var estimate = Math.Max(2, (long)Math.Ceiling(z * z * spread / (maxDrop * maxDrop)));
        // The large-n estimate is a little low (the d² term); step up until the exact drop fits.
        while (estimate < int.MaxValue && ReportedDrop(sd, (int)estimate, unitRange, alpha, power) > maxDrop)
            estimate++;
        return (int)Math.Min(estimate, int.MaxValue);
    }

    /// <summary>The sample standard deviation (n - 1); zero for fewer than two values.</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        var n = values.Count;
        if (n < 2)
            return 0;
        var mean = values.Average();
        var squares = 0.0;
        foreach (var value in values)
            squares += (value - mean) * (value - mean);
        return Math.Sqrt(squares / (n - 1));
    }

    /// <summary>MDE of a pass rate over <paramref name="n"/> queries with sd = sqrt(p(1 - p)), two-sided at alpha; pass 0.5 for the worst case. Infinity when n is 0.</summary>
    public static double PassRate(double passRate, int n, double alpha = 0.05, double power = 0.8)
    {
        if (passRate is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(passRate), passRate, "A rate in [0, 1] is expected.");
        Check(alpha, power);
        if (n <= 0)
            return double.PositiveInfinity;
        return (Normal.Quantile(1 - alpha / 2) + Normal.Quantile(power)) * Math.Sqrt(passRate * (1 - passRate) / n);
    }

    private static void Check(double alpha, double power)
    {
        if (alpha is <= 0 or >= 1 || double.IsNaN(alpha))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie strictly between 0 and 1.");
        if (power is <= 0 or >= 1 || double.IsNaN(power))
            throw new ArgumentOutOfRangeException(nameof(power), power, "power must lie strictly between 0 and 1.");
    }
}
