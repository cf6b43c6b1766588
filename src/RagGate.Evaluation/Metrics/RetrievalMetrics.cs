namespace RagGate.Evaluation.Metrics;

/// <summary>
/// Retrieval metrics over one query's ranked document ids and its judgments (document id -> grade; a
/// grade of 1 or more is relevant), equal to trec_eval 10's. A repeated id counts only at its first rank.
/// </summary>
public static class RetrievalMetrics
{
    /// <summary>Relevant documents in the top <paramref name="k"/> over all relevant documents (trec_eval <c>recall_k</c>); 0 when none is relevant.</summary>
    public static double Recall(IReadOnlyList<string> rankedIds, IReadOnlyDictionary<string, int> judgments, int k) =>
        RankedRelevance.Recall(Grades(rankedIds, judgments, k), RankedRelevance.CountRelevant(judgments.Values), k);

    /// <summary>Relevant documents in the top <paramref name="k"/> over k, however many were retrieved (trec_eval <c>P_k</c>).</summary>
    public static double Precision(IReadOnlyList<string> rankedIds, IReadOnlyDictionary<string, int> judgments, int k) =>
        RankedRelevance.Precision(Grades(rankedIds, judgments, k), RequirePositive(k));

    /// <summary>nDCG at <paramref name="k"/>: raw grades as gains, 1/log2(rank + 1) discount, ideal from the judgments (trec_eval <c>ndcg_cut_k</c>).</summary>
    public static double NdcgAtK(IReadOnlyList<string> rankedIds, IReadOnlyDictionary<string, int> judgments, int k) =>
        RankedRelevance.Ndcg(Grades(rankedIds, judgments, k), RankedRelevance.IdealGains(judgments.Values), k);

    /// <summary>1 / rank of the first relevant document, 0 when there is none in the top <paramref name="cutoff"/> (trec_eval <c>recip_rank</c>, with <c>-M cutoff</c>).</summary>
    public static double ReciprocalRank(IReadOnlyList<string> rankedIds, IReadOnlyDictionary<string, int> judgments, int? cutoff = null)
    {
        var k = cutoff ?? int.MaxValue;
        return RankedRelevance.ReciprocalRank(Grades(rankedIds, judgments, k), k);
    }

    /// <summary>Average precision over all relevant documents, counting those in the top <paramref name="cutoff"/> (trec_eval <c>map</c>, or <c>map_cut_k</c>).</summary>
    public static double AveragePrecision(IReadOnlyList<string> rankedIds, IReadOnlyDictionary<string, int> judgments, int? cutoff = null)
    {
        var k = cutoff ?? int.MaxValue;
        return RankedRelevance.AveragePrecision(Grades(rankedIds, judgments, k), RankedRelevance.CountRelevant(judgments.Values), k);
    }

    /// <summary>1 when a relevant document is in the top <paramref name="k"/>, else 0 (trec_eval <c>success_k</c>, the hit rate).</summary>
    public static double Success(IReadOnlyList<string> rankedIds, IReadOnlyDictionary<string, int> judgments, int k) =>
        RankedRelevance.Success(Grades(rankedIds, judgments, k), k);

    // Grades of the first k distinct ids, best first; -1 for ids without a judgment.
    private static int[] Grades(IReadOnlyList<string> rankedIds, IReadOnlyDictionary<string, int> judgments, int k)
    {
        RequirePositive(k);
        var grades = new List<int>(Math.Min(k, rankedIds.Count));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rankedIds.Count && grades.Count < k; i++)
        {
            if (seen.Add(rankedIds[i]))
                grades.Add(judgments.TryGetValue(rankedIds[i], out var grade) ? grade : -1);
        }
        return grades.ToArray();
    }

    private static int RequirePositive(int k) =>
        k > 0 ? k : throw new ArgumentOutOfRangeException(nameof(k), k, "A cutoff must be positive.");
}
