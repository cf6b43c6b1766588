using RagGate.Evaluation.Runs;


namespace RagGate.Engine.Indexing;

/// <summary>
/// Reciprocal rank fusion (Cormack et al., 2009): an id's fused score is the sum over rankings of
/// 1 / (k + rank), with 1-based ranks; ids missing from a ranking get nothing from it.
/// </summary>
public static class RrfFusion
{
    /// <summary>The k of the original paper, also the common default.</summary>
    public const int DefaultK = 60;

    // trec_eval's tie order: id descending in byte order.
    private static readonly IComparer<string> TrecIdOrder = Comparer<string>.Create((a, b) => TrecRanking.CompareIds(b, a));

    /// <summary>Fuses rankings (each best first, ids distinct within a ranking); best first, ties as trec_eval ranks them.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Fuse(IEnumerable<IReadOnlyList<string>> rankings, int k = DefaultK)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var ranking in rankings)
        {
            for (var i = 0; i < ranking.Count; i++)
            {
                scores[ranking[i]] = scores.GetValueOrDefault(ranking[i]) + (1.0 / (k + i + 1));
            }
        }

        return scores
            .OrderByDescending(pair => pair.Value)
            // Ties as trec_eval breaks them, so the fused order is the order that is scored.
            .ThenBy(pair => pair.Key, TrecIdOrder)
            .ToList();
    }
}
