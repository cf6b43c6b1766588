namespace RagGate.Evaluation.Statistics;

/// <summary>Wilson score intervals for pass rates: sound for small n and rates near 0 or 1, unlike the normal approximation.</summary>
internal static class Wilson
{
    /// <summary>
    /// The Wilson score interval for <paramref name="successes"/> out of <paramref name="n"/>:
    /// (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), with z the (1+c)/2 normal quantile. (0, 1) when n is 0.
    /// </summary>
    public static ConfidenceInterval Interval(int successes, int n, double confidence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (successes < 0 || successes > n)
            throw new ArgumentOutOfRangeException(nameof(successes), successes, "Successes must be between 0 and n.");
        if (n == 0)
            return new ConfidenceInterval(0, 1);
        var z = Normal.Quantile((1 + confidence) / 2);
        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var center = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new ConfidenceInterval(Math.Max(0, center - half), Math.Min(1, center + half));
    }
}
