namespace RagGate.Evaluation.Statistics;

/// <summary>Nearest-rank percentiles, as latency reports state them: always an observed value.</summary>
public static class Percentile
{
    /// <summary>
    /// The nearest-rank <paramref name="p"/>-th percentile (p in (0, 100]): the value at rank ceil(p/100 · n)
    /// of the sorted values. With fewer than 20 samples the 95th percentile is the maximum (ceil(0.95 n) = n),
    /// which reports should say.
    /// </summary>
    public static double NearestRank(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
            throw new ArgumentException("At least one value is needed.", nameof(values));
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted[Rank(sorted.Length, p) - 1];
    }

    /// <summary>True when the nearest-rank <paramref name="p"/>-th percentile of <paramref name="count"/> samples is their maximum.</summary>
    public static bool IsMaximum(int count, double p) => count > 0 && Rank(count, p) == count;

    private static int Rank(int count, double p)
    {
        if (p is <= 0 or > 100 || double.IsNaN(p))
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile in (0, 100] is expected.");
        // Round first so that 0.95 * 20 lands on 19, not 19.000000000000004 -> 20.
        var rank = (int)Math.Ceiling(Math.Round(p / 100 * count, 9));
        return Math.Clamp(rank, 1, count);
    }
}
