namespace RagGate.Evaluation.Statistics;

/// <summary>Paired comparisons of a candidate and a baseline scored on the same queries (index i = query i).</summary>
public static class PairedTest
{
    /// <summary>
    /// Two-sided paired randomization (sign-flip) test of mean(candidate - baseline) = 0: each permutation
    /// flips the sign of every difference with probability 1/2; p = (count + 1) / (permutations + 1), where
    /// count is the permutations whose |mean| reaches the observed |mean|. The +1 keeps p above 0 and exact-valid.
    /// </summary>
    public static double Randomization(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, int permutations, int seed)
    {
        var deltas = Deltas(baseline, candidate);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        var observed = Math.Abs(Sum(deltas));
        // Sums equal up to rounding must count as reaching the observed value.
        var threshold = observed - 1e-9 * Math.Max(1.0, observed);
        var random = new Random(seed);
        var count = 0;
        for (var p = 0; p < permutations; p++)
        {
            var sum = 0.0;
            foreach (var delta in deltas)
                sum += random.Next(2) == 0 ? delta : -delta;
            if (Math.Abs(sum) >= threshold)
                count++;
        }
        return (count + 1.0) / (permutations + 1.0);
    }

    /// <summary>
    /// One-sided paired randomization (sign-flip) test of "the candidate is worse": the gains are
    /// candidate - baseline (baseline - candidate when lower is better); each permutation flips the sign of
    /// every gain with probability 1/2, and p = (count + 1) / (permutations + 1), where count is the
    /// permutations whose summed gain is at most the observed one. Identical runs give p = 1; an improvement
    /// gives p near 1, because the rule only asks whether the metric got worse.
    /// </summary>
    public static double OneSidedWorse(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, bool higherIsBetter, int permutations, int seed)
    {
        var deltas = Deltas(baseline, candidate);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        // Zero gains never change a permuted sum, so only the others are flipped (ties cost nothing).
        var gains = deltas.Select(d => higherIsBetter ? d : -d).Where(g => g != 0).ToArray();
        var observed = Sum(gains);
        // Sums equal up to rounding must count as reaching the observed value.
        var threshold = observed + 1e-9 * Math.Max(1.0, Math.Abs(observed));
        var random = new Random(seed);
        var bits = new byte[(gains.Length + 7) / 8];
        var count = 0;
        for (var p = 0; p < permutations; p++)
        {
            random.NextBytes(bits);
            var sum = 0.0;
            for (var i = 0; i < gains.Length; i++)
                sum += (bits[i >> 3] & (1 << (i & 7))) == 0 ? gains[i] : -gains[i];
            if (sum <= threshold)
                count++;
        }
        return (count + 1.0) / (permutations + 1.0);
    }

    /// <summary>A percentile bootstrap interval of mean(candidate - baseline), resampling query pairs.</summary>
    public static ConfidenceInterval BootstrapDeltaInterval(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, int resamples, double confidence, int seed) =>
        Bootstrap.MeanInterval(Deltas(baseline, candidate), resamples, confidence, seed);

    /// <summary>Counts queries the candidate won, tied (|difference| &lt;= epsilon) and lost.</summary>
    public static WinTieLossCounts WinTieLoss(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, double epsilon)
    {
        var deltas = Deltas(baseline, candidate);
        int wins = 0, ties = 0, losses = 0;
        foreach (var delta in deltas)
        {
            if (delta > epsilon)
                wins++;
            else if (delta < -epsilon)
                losses++;
            else
                ties++;
        }
        return new WinTieLossCounts(wins, ties, losses);
    }

    internal static double[] Deltas(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        if (baseline.Count != candidate.Count)
            throw new ArgumentException($"Paired samples need equal lengths; got {baseline.Count} and {candidate.Count}.", nameof(candidate));
        if (baseline.Count == 0)
            throw new ArgumentException("At least one pair is needed.", nameof(baseline));
        var deltas = new double[baseline.Count];
        for (var i = 0; i < deltas.Length; i++)
            deltas[i] = candidate[i] - baseline[i];
        return deltas;
    }

    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
            sum += value;
        return sum;
    }
}
