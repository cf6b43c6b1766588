using System.Numerics.Tensors;
using RagGate.Engine.Indexing;

namespace RagGate.Engine.Tests.Indexing;

public sealed class VectorIndexTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 10)]
    [InlineData(3, 57)]
    [InlineData(4, 500)]
    [InlineData(5, 3000)]
    public void Search_RandomDataWithTies_EqualsNaiveFullScan(int seed, int k)
    {
        const int Dimensions = 24, Rows = 5000;
        var random = new Random(seed);
        var vectors = RandomUnitVectors(random, Rows, Dimensions);
        // Copy some rows over others, so equal scores must be ordered by row.
        for (var i = 0; i < 600; i++)
        {
            vectors.AsSpan(random.Next(Rows) * Dimensions, Dimensions).CopyTo(vectors.AsSpan(random.Next(Rows) * Dimensions));
        }

        var index = new VectorIndex(vectors, Dimensions);
        for (var q = 0; q < 5; q++)
        {
            var query = q == 0 ? vectors.AsSpan(0, Dimensions).ToArray() : RandomUnitVectors(random, 1, Dimensions);
            var expected = NaiveTopK(vectors, Dimensions, query, k);

            Assert.Equal(expected, index.Search(query, k, maxDegreeOfParallelism: 1));
            Assert.Equal(expected, index.Search(query, k, maxDegreeOfParallelism: 3));
        }
    }

    [Fact]
    public void Search_DuplicateRows_TiesGoToTheLowerRow()
    {
        float[] row = [0.6f, 0.8f];
        var index = new VectorIndex([0, 1, .. row, 1, 0, .. row, .. row], 2);

        var hits = index.Search(row, 3);

        Assert.Equal([1, 3, 4], hits.Select(h => h.Row));
    }

    [Fact]
    public void Search_KAboveCount_ReturnsEveryRowBestFirst()
    {
        var index = new VectorIndex([1, 0, 0, 1, 0.6f, 0.8f], 2);

        var hits = index.Search([0f, 1f], 10);

        Assert.Equal([1, 2, 0], hits.Select(h => h.Row));
        Assert.Equal(0.8, hits[1].Score, 6);
    }

    [Fact]
    public void Search_WrongQueryLength_Throws()
    {
        var index = new VectorIndex(new float[8], 4);

        Assert.Throws<ArgumentException>(() => index.Search(new float[3], 1));
    }

    private static SearchHit[] NaiveTopK(float[] vectors, int dimensions, float[] query, int k)
    {
        var all = new List<SearchHit>();
        for (var row = 0; row < vectors.Length / dimensions; row++)
        {
            all.Add(new SearchHit(row, TensorPrimitives.Dot(vectors.AsSpan(row * dimensions, dimensions), query)));
        }

        return [.. all.OrderByDescending(h => h.Score).ThenBy(h => h.Row).Take(k)];
    }

    internal static float[] RandomUnitVectors(Random random, int count, int dimensions)
    {
        var data = new float[count * dimensions];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(random.NextDouble() - 0.5);
        }

        for (var row = 0; row < count; row++)
        {
            var span = data.AsSpan(row * dimensions, dimensions);
            TensorPrimitives.Divide(span, TensorPrimitives.Norm(span), span);
        }

        return data;
    }
}
