namespace RagGate.Evaluation.Tests.Reporting;

/// <summary>
/// Small, textbook implementations used to fill the sample report with numbers that follow from its data,
/// so no expected value in a test is typed by hand.
/// </summary>
internal static class SampleStatistics
{
    public static double Recall(IReadOnlyList<string> retrieved, IReadOnlyList<string> expected, int k) =>
        expected.Count == 0 ? double.NaN : (double)retrieved.Take(k).Count(expected.Contains) / expected.Count;

    public static double Ndcg(IReadOnlyList<string> retrieved, IReadOnlyList<string> expected, int k)
    {
        var dcg = retrieved.Take(k).Select((id, i) => expected.Contains(id) ? 1 / Math.Log2(i + 2) : 0).Sum();
        var ideal = Enumerable.Range(0, Math.Min(k, expected.Count)).Sum(i => 1 / Math.Log2(i + 2));
        return ideal == 0 ? double.NaN : dcg / ideal;
    }

    public static int? FirstRelevantRank(IReadOnlyList<string> retrieved, IReadOnlyList<string> expected)
    {
        var index = retrieved.ToList().FindIndex(expected.Contains);
        return index < 0 ? null : index + 1;
    }

    /// <summary>Nearest-rank percentile: the sample at rank ceil(p * n).</summary>
    public static double NearestRank(IEnumerable<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Max(1, (int)Math.Ceiling(p * sorted.Count)) - 1];
    }

    public static double Median(IReadOnlyList<double> samples) => NearestRank(samples, 0.5);

    /// <summary>Seeded percentile bootstrap of the mean.</summary>
    public static (double Lower, double Upper) Bootstrap(IReadOnlyList<double> values, int seed, double tail = 0.025)
    {
        var random = new Random(seed);
        var means = new double[2000];
        for (var b = 0; b < means.Length; b++)
        {
            double sum = 0;
            for (var i = 0; i < values.Count; i++)
                sum += values[random.Next(values.Count)];
            means[b] = sum / values.Count;
        }

        Array.Sort(means);
        return (means[(int)(tail * means.Length)], means[(int)Math.Ceiling((1 - tail) * means.Length) - 1]);
    }

    public static (double Lower, double Upper) Wilson(int successes, int n)
    {
        const double z = 1.959963984540054;
        var p = (double)successes / n;
        var denominator = 1 + (z * z / n);
        var center = (p + (z * z / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n))) / denominator;
        return (center - half, center + half);
    }

    /// <summary>Exact one-sided paired sign-flip test of "got worse" (higher is better) over all 2^n sign assignments.</summary>
    public static double SignFlipWorseP(IReadOnlyList<double> differences)
    {
        var observed = differences.Average();
        var n = differences.Count;
        var extreme = 0;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var mean = differences.Select((d, i) => (mask & (1 << i)) != 0 ? -d : d).Average();
            if (mean <= observed + 1e-12)
                extreme++;
        }

        return (double)extreme / (1 << n);
    }

    /// <summary>Smallest drop a one-sided sign-flip test at alpha 0.05 detects with 80% power, from per-query values' spread (values in [0, 1]).</summary>
    public static double OneSidedDetectableDrop(IReadOnlyList<double> values)
    {
        const double za = 1.6448536269514722, zb = 0.8416212335729143;
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        var n = values.Count;
        var spread = sd * (Math.Sqrt(n) * zb + za * Math.Sqrt(n + zb * zb - za * za)) / (n - za * za);
        // Ratios: at least the drop of all-or-nothing losses, d = (za + zb·sqrt(1 - d))² / n, by fixed-point iteration.
        var d = 0.5;
        for (var i = 0; i < 200; i++)
            d = Math.Min(1, Math.Pow(za + zb * Math.Sqrt(1 - d), 2) / n);
        return Math.Max(spread, d);
    }

    /// <summary>Holm step-down adjustment, monotone, capped at 1.</summary>
    public static double[] Holm(IReadOnlyList<double> p)
    {
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ToList();
        var adjusted = new double[p.Count];
        var running = 0.0;
        for (var rank = 0; rank < order.Count; rank++)
        {
            running = Math.Max(running, Math.Min(1, (p.Count - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }
}
