using System.Numerics.Tensors;

namespace RagGate.Engine.Indexing;

/// <summary>
/// Exact cosine top-k over L2-normalized vectors stored row after row in one contiguous array:
/// a dot product per row with <see cref="TensorPrimitives"/> and a bounded heap. Large indexes
/// are scanned in parallel over row ranges; results do not depend on the degree of parallelism.
/// </summary>
public sealed class VectorIndex
{
    // Below this many floats a parallel scan costs more in scheduling than it saves.
    private const long ParallelThreshold = 1L << 22;
    private readonly float[] _vectors;

    /// <summary>Wraps <paramref name="vectors"/> (taken, not copied): <paramref name="dimensions"/> floats per row.</summary>
    public VectorIndex(float[] vectors, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (vectors.Length % dimensions != 0)
        {
            throw new ArgumentException($"{vectors.Length} floats is not a whole number of {dimensions}-d rows", nameof(vectors));
        }

        _vectors = vectors;
        Dimensions = dimensions;
        Count = vectors.Length / dimensions;
    }

    private VectorIndex()
    {
        _vectors = [];
    }

    /// <summary>No vectors at all: the index of a BM25-only config, built without loading an embedding model.</summary>
    public static VectorIndex None { get; } = new();

    /// <summary>Floats per vector; 0 for <see cref="None"/>.</summary>
    public int Dimensions { get; }

    /// <summary>Number of vectors (rows).</summary>
    public int Count { get; }

    /// <summary>The contiguous storage, row after row.</summary>
    public ReadOnlySpan<float> Data => _vectors;

    /// <summary>One stored vector.</summary>
    public ReadOnlySpan<float> Row(int row) => _vectors.AsSpan(row * Dimensions, Dimensions);

    /// <summary>
    /// The <paramref name="k"/> rows with the highest dot product (cosine, for normalized vectors),
    /// best first, ties to the lower row. <paramref name="maxDegreeOfParallelism"/> 0 chooses by size.
    /// </summary>
    public SearchHit[] Search(ReadOnlySpan<float> query, int k, int maxDegreeOfParallelism = 0)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"expected a {Dimensions}-d query, found {query.Length}-d", nameof(query));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(k);
        k = Math.Min(k, Count);
        var threads = maxDegreeOfParallelism > 0
            ? maxDegreeOfParallelism
            : (long)_vectors.Length >= ParallelThreshold ? Environment.ProcessorCount : 1;
        threads = Math.Clamp(threads, 1, Math.Max(1, Count / 1024));
        return threads == 1 ? ScanRange(query, k, 0, Count).ToSortedArray() : ParallelSearch(query.ToArray(), k, threads);
    }

    private SearchHit[] ParallelSearch(float[] query, int k, int threads)
    {
        var heaps = new TopKHeap[threads];
        var rowsPerRange = (Count + threads - 1) / threads;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, range =>
        {
            var from = range * rowsPerRange;
            heaps[range] = ScanRange(query, k, from, Math.Min(Count, from + rowsPerRange));
        });

        var merged = new TopKHeap(k);
        foreach (var heap in heaps)
        {
            heap.AddTo(merged);
        }

        return merged.ToSortedArray();
    }

    private TopKHeap ScanRange(ReadOnlySpan<float> query, int k, int from, int to)
    {
        var heap = new TopKHeap(k);
        var dimensions = Dimensions;
        var data = _vectors.AsSpan();
        for (var row = from; row < to; row++)
        {
            var score = TensorPrimitives.Dot(data.Slice(row * dimensions, dimensions), query);
            if (heap.Accepts(score))
            {
                heap.Offer(row, score);
            }
        }

        return heap;
    }
}
