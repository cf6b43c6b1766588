namespace RagGate.Evaluation.Running;

/// <summary>
/// The order of each measured round: a seeded shuffle of the whole golden set, so a cache in the
/// target never serves a query's repetition right after the query itself, and the same seed
/// always gives the same orders.
/// </summary>
internal sealed class RoundOrder(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>The next round's permutation of 0..count-1.</summary>
    public int[] Next(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        _random.Shuffle(order);
        return order;
    }
}
