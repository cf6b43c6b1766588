namespace RagGate.Evaluation.Statistics;

/// <summary>Holm's step-down correction for testing several metrics at once.</summary>
public static class Holm
{
    /// <summary>
    /// Holm-adjusted p-values, in the input order: sort ascending, multiply the i-th smallest (0-based) by
    /// (m - i), carry the running maximum so adjusted values never decrease, cap at 1.
    /// Compare each adjusted value with alpha directly.
    /// </summary>
    public static IReadOnlyList<double> Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var p = pValues[order[rank]];
            if (p is < 0 or > 1 || double.IsNaN(p))
                throw new ArgumentOutOfRangeException(nameof(pValues), p, "p-values must lie in [0, 1].");
            running = Math.Max(running, Math.Min(1.0, (m - rank) * p));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
