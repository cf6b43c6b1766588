namespace RagGate.Evaluation.Statistics;

/// <summary>The Mann-Whitney U (Wilcoxon rank-sum) test: does one sample tend to be larger than another, without assuming a distribution.</summary>
public static class MannWhitney
{
    /// <summary>
    /// One-sided p-value that values in <paramref name="a"/> tend to exceed those in <paramref name="b"/>:
    /// U_a = R_a - n_a(n_a + 1)/2 from mid-ranks of the pooled sample, compared with its null mean n_a·n_b/2 by
    /// the normal approximation with the tie-corrected variance
    /// n_a·n_b/12 · ((N + 1) - Σ(t³ - t)/(N(N - 1))) and a continuity correction of 1/2. Sound from about 20
    /// values per sample; 1 when every value is tied.
    /// </summary>
    public static MannWhitneyResult OneSidedGreater(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count == 0 || b.Count == 0)
            throw new ArgumentException("Both samples need at least one value.", a.Count == 0 ? nameof(a) : nameof(b));
        var pooled = a.Select(v => (Value: v, FromA: true)).Concat(b.Select(v => (Value: v, FromA: false)))
            .OrderBy(x => x.Value).ToArray();
        if (pooled.Any(x => double.IsNaN(x.Value)))
            throw new ArgumentException("Values must not be NaN.", nameof(a));
        double rankSumA = 0, tieTerm = 0;
        for (var i = 0; i < pooled.Length;)
        {
            var j = i;
            while (j + 1 < pooled.Length && pooled[j + 1].Value == pooled[i].Value) j++;
            var midRank = (i + j + 2) / 2.0;
            double ties = j - i + 1;
            tieTerm += ties * ties * ties - ties;
            for (var k = i; k <= j; k++)
                if (pooled[k].FromA) rankSumA += midRank;
            i = j + 1;
        }
        double na = a.Count, nb = b.Count, n = na + nb;
        var u = rankSumA - na * (na + 1) / 2;
        var mean = na * nb / 2;
        var variance = na * nb / 12 * (n + 1 - tieTerm / (n * (n - 1)));
        if (variance <= 0)
            return new MannWhitneyResult(u, 0, 1.0);
        var z = (u - mean - 0.5) / Math.Sqrt(variance);
        return new MannWhitneyResult(u, z, Normal.UpperTail(z));
    }
}
