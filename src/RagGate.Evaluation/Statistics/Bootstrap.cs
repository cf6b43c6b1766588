namespace RagGate.Evaluation.Statistics;

/// <summary>Seeded percentile bootstrap intervals, deterministic for a given seed.</summary>
public static class Bootstrap
{
    /// <summary>
    /// A percentile bootstrap interval for the mean: <paramref name="resamples"/> resamples of the values
    /// with replacement, and the (1-c)/2 and (1+c)/2 empirical quantiles of their means (lower: the
    /// value at index floor(B(1-c)/2), upper: at index ceil(B(1+c)/2) - 1 of the sorted means).
    /// </summary>
    public static ConfidenceInterval MeanInterval(IReadOnlyList<double> values, int resamples, double confidence, int seed)
    {
        Validate(values.Count, resamples, confidence);
        var random = new Random(seed);
        var means = new double[resamples];
        var n = values.Count;
        for (var b = 0; b < resamples; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
                sum += values[random.Next(n)];
            means[b] = sum / n;
        }
        return PercentileInterval(means, confidence);
    }

    internal static ConfidenceInterval PercentileInterval(double[] estimates, double confidence)
    {
        Array.Sort(estimates);
        var b = estimates.Length;
        var lower = (int)Math.Floor(b * (1 - confidence) / 2);
        var upper = (int)Math.Ceiling(b * (1 + confidence) / 2) - 1;
        return new ConfidenceInterval(estimates[Math.Clamp(lower, 0, b - 1)], estimates[Math.Clamp(upper, 0, b - 1)]);
    }

    internal static void Validate(int count, int resamples, double confidence)
    {
        if (count == 0)
            throw new ArgumentException("At least one value is needed.", nameof(count));
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (confidence is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "A confidence strictly between 0 and 1 is expected.");
    }
}
