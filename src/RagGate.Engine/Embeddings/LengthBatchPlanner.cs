namespace RagGate.Engine.Embeddings;

/// <summary>
/// Groups texts into batches. Sorting by length and filling each batch up to a token budget keeps
/// padding small, which matters on corpora whose lengths vary a lot.
/// </summary>
internal static class LengthBatchPlanner
{
    /// <summary>
    /// Batches of indices into <paramref name="lengths"/>, longest first, each padded size
    /// (count × longest) within <paramref name="batchSize"/> × the median length.
    /// </summary>
    public static List<int[]> Bucketed(IReadOnlyList<int> lengths, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var order = Enumerable.Range(0, lengths.Count).OrderByDescending(i => lengths[i]).ThenBy(i => i).ToArray();
        var batches = new List<int[]>();
        if (order.Length == 0)
        {
            return batches;
        }

        long budget = (long)batchSize * Math.Max(1, lengths[order[order.Length / 2]]);
        var start = 0;
        while (start < order.Length)
        {
            long longest = lengths[order[start]];
            var count = 1;
            while (start + count < order.Length && (count + 1) * longest <= budget)
            {
                count++;
            }

            batches.Add(order[start..(start + count)]);
            start += count;
        }

        return batches;
    }

    /// <summary>Batches of <paramref name="batchSize"/> consecutive texts in input order (the naive plan).</summary>
    public static List<int[]> Fixed(int count, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return Enumerable.Range(0, count).Chunk(batchSize).ToList();
    }
}
