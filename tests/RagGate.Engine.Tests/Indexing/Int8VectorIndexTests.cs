using System.Numerics.Tensors;
using RagGate.Engine.Indexing;

namespace RagGate.Engine.Tests.Indexing;

public sealed class Int8VectorIndexTests
{
    private const int Dimensions = 384;

    [Fact]
    public void Search_WithRescoring_FindsTheExactFp32TopTen()
    {
        var (exact, int8, queries) = Build(rows: 20_000, queryCount: 50, keepFp32: true);

        var recall = RecallAt10(exact, int8, queries, threads: 1);

        Assert.True(recall >= 0.99, $"recall@10 {recall:F4} against exact fp32, expected at least 0.99");
    }

    [Fact]
    public void Search_WithRescoring_ReturnsFp32ScoresBestFirst()
    {
        var (exact, int8, queries) = Build(rows: 5_000, queryCount: 1, keepFp32: true);

        var hits = int8.Search(queries.AsSpan(0, Dimensions), 10);

        Assert.Equal(10, hits.Length);
        Assert.All(hits, h => Assert.Equal(TensorPrimitives.Dot(exact.Row(h.Row), queries.AsSpan(0, Dimensions)), h.Score, 1e-6));
        Assert.Equal(hits.OrderByDescending(h => h.Score).ThenBy(h => h.Row), hits);
    }

    [Fact]
    public void Search_Int8Only_EstimatesScoresCloseToFp32()
    {
        var (exact, int8, queries) = Build(rows: 5_000, queryCount: 20, keepFp32: false);

        Assert.False(int8.Rescores);
        for (var q = 0; q < 20; q++)
        {
            var query = queries.AsSpan(q * Dimensions, Dimensions);
            foreach (var hit in int8.Search(query, 10))
            {
                Assert.Equal(TensorPrimitives.Dot(exact.Row(hit.Row), query), hit.Score, 0.02);
            }
        }
    }

    [Fact]
    public void Search_Int8OnlyWithADimensionZeroInEveryRow_StillEstimatesScoresCloseToFp32()
    {
        // Rows use dimensions 0-1 only; the query also leans on dimension 2, which no row uses.
        var exact = new VectorIndex([0.6f, 0.8f, 0f, 0.8f, 0.6f, 0f, 1f, 0f, 0f], 3);
        var int8 = Int8VectorIndex.Quantize(exact, keepFp32: false);
        float[] query = [0.3f, 0.2f, 0.93f];

        var hits = int8.Search(query, 3);

        Assert.Equal(3, hits.Length);
        Assert.All(hits, h => Assert.Equal(TensorPrimitives.Dot(exact.Row(h.Row), query), h.Score, 0.01));
    }

    [Fact]
    public void Search_ParallelAndSerial_GiveTheSameHits()
    {
        var (_, int8, queries) = Build(rows: 30_000, queryCount: 5, keepFp32: true);

        for (var q = 0; q < 5; q++)
        {
            var query = queries.AsSpan(q * Dimensions, Dimensions);
            Assert.Equal(int8.Search(query, 10, maxDegreeOfParallelism: 1), int8.Search(query, 10, maxDegreeOfParallelism: 4));
        }
    }

    [Theory]
    [InlineData(7)]
    [InlineData(45)]
    [InlineData(384)]
    [InlineData(1000)]
    public void Dot_AnyLength_EqualsTheScalarSum(int length)
    {
        var random = new Random(length);
        var codes = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var query = Enumerable.Range(0, length).Select(_ => (short)random.Next(-127, 128)).ToArray();

        var expected = codes.Zip(query, (c, q) => c * q).Sum();

        Assert.Equal(expected, Int8Dot.Dot(codes, query));
    }

    private static double RecallAt10(VectorIndex exact, Int8VectorIndex int8, float[] queries, int threads)
    {
        var found = 0;
        var count = queries.Length / Dimensions;
        for (var q = 0; q < count; q++)
        {
            var query = queries.AsSpan(q * Dimensions, Dimensions);
            var truth = exact.Search(query, 10, threads).Select(h => h.Row).ToHashSet();
            found += int8.Search(query, 10, threads).Count(h => truth.Contains(h.Row));
        }

        return found / (10.0 * count);
    }

    private static (VectorIndex Exact, Int8VectorIndex Int8, float[] Queries) Build(int rows, int queryCount, bool keepFp32)
    {
        var exact = new VectorIndex(UnitVectors(new Random(7), rows), Dimensions);
        return (exact, Int8VectorIndex.Quantize(exact, keepFp32), UnitVectors(new Random(8), queryCount));
    }

    // Gaussian vectors: every direction equally likely, so near neighbours are close calls.
    private static float[] UnitVectors(Random random, int count)
    {
        var data = new float[count * Dimensions];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        for (var row = 0; row < count; row++)
        {
            var span = data.AsSpan(row * Dimensions, Dimensions);
            TensorPrimitives.Divide(span, TensorPrimitives.Norm(span), span);
        }

        return data;
    }
}
