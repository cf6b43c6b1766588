using RagGate.Engine.Embeddings;

namespace RagGate.Engine.Tests.Embeddings;

public sealed class LengthBatchPlannerTests
{
    [Fact]
    public void Bucketed_MixedLengths_CoversEveryIndexOnceWithinTheTokenBudget()
    {
        var random = new Random(7);
        var lengths = Enumerable.Range(0, 500).Select(_ => random.Next(5, 257)).ToArray();
        var median = lengths.Order().ElementAt(lengths.Length / 2);

        var batches = LengthBatchPlanner.Bucketed(lengths, batchSize: 8);

        Assert.Equal(Enumerable.Range(0, 500), batches.SelectMany(b => b).Order());
        Assert.All(batches, b => Assert.True(b.Length == 1 || b.Length * b.Max(i => lengths[i]) <= 8 * median));
        var flat = batches.SelectMany(b => b).Select(i => lengths[i]).ToArray();
        Assert.Equal(flat.OrderDescending(), flat);
    }

    [Fact]
    public void Bucketed_PaddingOnVariedLengths_IsBelowFixedBatches()
    {
        var random = new Random(11);
        var lengths = Enumerable.Range(0, 400).Select(_ => random.Next(10, 257)).ToArray();

        static long Padded(IEnumerable<int[]> batches, int[] lengths) => batches.Sum(b => (long)b.Length * b.Max(i => lengths[i]));

        Assert.True(Padded(LengthBatchPlanner.Bucketed(lengths, 16), lengths) < 0.7 * Padded(LengthBatchPlanner.Fixed(400, 16), lengths));
    }

    [Fact]
    public void Bucketed_NoTexts_ReturnsNoBatches() => Assert.Empty(LengthBatchPlanner.Bucketed([], 32));
}
