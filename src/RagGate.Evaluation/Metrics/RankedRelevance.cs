namespace RagGate.Evaluation.Metrics;

/// <summary>
/// The metric math over a ranked list of relevance grades (best first; -1 for documents without a
/// judgment), written to add the same terms in the same order as trec_eval 10, so results agree to the bit.
/// A grade of 1 or more is relevant.
/// </summary>
internal static class RankedRelevance
{
    public static int CountRelevant(ReadOnlySpan<int> grades, int k)
    {
        var count = 0;
        var end = Math.Min(k, grades.Length);
        for (var i = 0; i < end; i++)
        {
            if (grades[i] >= 1)
                count++;
        }
        return count;
    }

    public static double Precision(ReadOnlySpan<int> grades, int k) => (double)CountRelevant(grades, k) / k;

    public static double Recall(ReadOnlySpan<int> grades, int relevantCount, int k) =>
        relevantCount == 0 ? 0.0 : (double)CountRelevant(grades, k) / relevantCount;

    public static double Success(ReadOnlySpan<int> grades, int k) => CountRelevant(grades, k) > 0 ? 1.0 : 0.0;

    public static double ReciprocalRank(ReadOnlySpan<int> grades, int k)
    {
        var end = Math.Min(k, grades.Length);
        for (var i = 0; i < end; i++)
        {
            if (grades[i] >= 1)
                return 1.0 / (i + 1);
        }
        return 0.0;
    }

    public static double AveragePrecision(ReadOnlySpan<int> grades, int relevantCount, int k)
    {
        if (relevantCount == 0)
            return 0.0;
        var sum = 0.0;
        var relevantSoFar = 0;
        var end = Math.Min(k, grades.Length);
        for (var i = 0; i < end; i++)
        {
            if (grades[i] >= 1)
            {
                relevantSoFar++;
                sum += (double)relevantSoFar / (i + 1);
            }
        }
        return sum / relevantCount;
    }

    /// <summary>nDCG at k with the raw grades as gains and a log2(rank + 1) discount; <paramref name="idealGains"/> are the positive judged grades, highest first.</summary>
    public static double Ndcg(ReadOnlySpan<int> grades, ReadOnlySpan<int> idealGains, int k)
    {
        var dcg = 0.0;
        var end = Math.Min(k, grades.Length);
        for (var i = 0; i < end; i++)
        {
            if (grades[i] > 0)
                dcg += grades[i] / Math.Log2(i + 2);
        }
        var ideal = 0.0;
        end = Math.Min(k, idealGains.Length);
        for (var i = 0; i < end; i++)
            ideal += idealGains[i] / Math.Log2(i + 2);
        return ideal > 0.0 ? dcg / ideal : dcg;
    }

    /// <summary>The positive grades of a query's judgments, highest first: the ideal ranking's gains.</summary>
    public static int[] IdealGains(IEnumerable<int> judgedGrades)
    {
        var gains = judgedGrades.Where(g => g > 0).ToArray();
        Array.Sort(gains);
        Array.Reverse(gains);
        return gains;
    }

    public static int CountRelevant(IEnumerable<int> judgedGrades)
    {
        var count = 0;
        foreach (var grade in judgedGrades)
        {
            if (grade >= 1)
                count++;
        }
        return count;
    }
}
