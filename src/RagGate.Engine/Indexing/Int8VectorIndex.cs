using System.Numerics.Tensors;

namespace RagGate.Engine.Indexing;

/// <summary>
/// Top-k over vectors stored as int8 with one scale per dimension (a quarter of fp32's bytes, and
/// exact search over fp32 is bound by memory bandwidth): exact int8 dot products in integers
/// (<see cref="Int8Dot"/>), then, when the fp32 vectors are kept, the best candidates rescored in
/// fp32 so the final order is fp32's. Large indexes are scanned in parallel over row ranges.
/// </summary>
public sealed class Int8VectorIndex
{
    // Below this many bytes a parallel scan costs more in scheduling than it saves.
    private const long ParallelThreshold = 1L << 22;
    private readonly sbyte[] _codes;
    private readonly float[] _scales;
    private readonly VectorIndex? _fp32;

    private Int8VectorIndex(sbyte[] codes, float[] scales, VectorIndex? fp32)
    {
        _codes = codes;
        _scales = scales;
        _fp32 = fp32;
        Dimensions = scales.Length;
        Count = codes.Length / scales.Length;
    }

    /// <summary>Floats per vector.</summary>
    public int Dimensions { get; }

    /// <summary>Number of vectors (rows).</summary>
    public int Count { get; }

    /// <summary>True when the fp32 vectors are kept for rescoring.</summary>
    public bool Rescores => _fp32 is not null;

    /// <summary>The int8 codes, row after row.</summary>
    internal ReadOnlySpan<sbyte> Codes => _codes;

    /// <summary>The scale of each dimension: value ~ code x scale.</summary>
    internal ReadOnlySpan<float> Scales => _scales;

    /// <summary>The fp32 vectors kept for rescoring, or null.</summary>
    internal VectorIndex? Fp32 => _fp32;

    /// <summary>
    /// Candidates taken from the int8 scan per result when rescoring: top <c>k x this</c>
    /// (at least <see cref="MinimumCandidates"/>) go to fp32 scoring.
    /// </summary>
    public int CandidatesPerResult { get; init; } = 4;

    /// <summary>The fewest candidates rescored, whatever k is.</summary>
    public int MinimumCandidates { get; init; } = 64;

    /// <summary>
    /// Quantizes <paramref name="vectors"/>: dimension d is scaled by the largest |value| of d over
    /// all rows, so each dimension uses the whole int8 range. <paramref name="keepFp32"/> keeps
    /// the fp32 vectors (not copied) for rescoring; without them scores are int8 estimates.
    /// </summary>
    public static Int8VectorIndex Quantize(VectorIndex vectors, bool keepFp32 = true)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var dimensions = vectors.Dimensions;
        var data = vectors.Data;
        var scales = new float[dimensions];
        for (var row = 0; row < vectors.Count; row++)
        {
            var values = data.Slice(row * dimensions, dimensions);
            for (var d = 0; d < dimensions; d++)
            {
                scales[d] = Math.Max(scales[d], Math.Abs(values[d]));
            }
        }

        // A dimension that is zero in every row gets scale 0, not 1: the query is scaled by these
        // scales before it is quantized with one scale of its own, and a 1 there made such a
        // dimension the query's largest, which rounded every useful dimension to a code or two
        // (sparse vectors scored 0.30 for a true 0.16; dense embeddings never have such a dimension).
        for (var d = 0; d < dimensions; d++)
        {
            scales[d] /= 127f;
        }

        var codes = new sbyte[data.Length];
        for (var row = 0; row < vectors.Count; row++)
        {
            for (var d = 0; d < dimensions; d++)
            {
                var i = (row * dimensions) + d;
                codes[i] = scales[d] > 0 ? (sbyte)Math.Clamp(MathF.Round(data[i] / scales[d]), -127f, 127f) : (sbyte)0;
            }
        }

        return new Int8VectorIndex(codes, scales, keepFp32 ? vectors : null);
    }

    /// <summary>
    /// Wraps codes and scales read back from a saved index (taken, not copied); <paramref name="fp32"/>,
    /// when given, must hold the same rows.
    /// </summary>
    internal static Int8VectorIndex FromCodes(sbyte[] codes, float[] scales, VectorIndex? fp32)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(scales);
        if (scales.Length == 0 || codes.Length % scales.Length != 0)
        {
            throw new ArgumentException($"{codes.Length} codes is not a whole number of {scales.Length}-d rows", nameof(codes));
        }

        if (fp32 is not null && (fp32.Dimensions != scales.Length || fp32.Count != codes.Length / scales.Length))
        {
            throw new ArgumentException($"the fp32 vectors ({fp32.Count} x {fp32.Dimensions}) do not match the codes", nameof(fp32));
        }

        return new Int8VectorIndex(codes, scales, fp32);
    }

    /// <summary>
    /// The <paramref name="k"/> rows with the highest dot product, best first, ties to the lower row:
    /// fp32 scores of the best int8 candidates when rescoring, int8 estimates otherwise.
    /// </summary>
    public SearchHit[] Search(ReadOnlySpan<float> query, int k, int maxDegreeOfParallelism = 0)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"expected a {Dimensions}-d query, found {query.Length}-d", nameof(query));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(k);
        k = Math.Min(k, Count);
        var candidates = _fp32 is null ? k : Math.Min(Count, Math.Max(MinimumCandidates, k * CandidatesPerResult));
        var (codes, scale) = QuantizeQuery(query);
        var threads = maxDegreeOfParallelism > 0
            ? maxDegreeOfParallelism
            : _codes.LongLength >= ParallelThreshold ? Environment.ProcessorCount : 1;
        threads = Math.Clamp(threads, 1, Math.Max(1, Count / 1024));
        var coarse = threads == 1 ? ScanRange(codes, scale, candidates, 0, Count) : ParallelScan(codes, scale, candidates, threads);
        return _fp32 is null ? coarse.ToSortedArray() : Rescore(coarse.ToSortedArray(), query, k);
    }

    // The per-dimension scales move into the query, which is then quantized with one scale of its own:
    // sum_d v_d q_d = sum_d (c_d s_d) q_d ~ t * sum_d c_d round(s_d q_d / t).
    private (short[] Codes, float Scale) QuantizeQuery(ReadOnlySpan<float> query)
    {
        var scaled = new float[Dimensions];
        TensorPrimitives.Multiply(query, _scales, scaled);
        // MaxMagnitude returns the value itself, sign included: a query led by a negative value
        // must still get its scale from the magnitude.
        var largest = Math.Abs(TensorPrimitives.MaxMagnitude<float>(scaled));
        var scale = largest > 0 ? largest / 127f : 1f;
        var codes = new short[Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            codes[d] = (short)Math.Clamp(MathF.Round(scaled[d] / scale), -127f, 127f);
        }

        return (codes, scale);
    }

    private SearchHit[] Rescore(SearchHit[] candidates, ReadOnlySpan<float> query, int k)
    {
        var heap = new TopKHeap(k);
        foreach (var candidate in candidates)
        {
            heap.Offer(candidate.Row, TensorPrimitives.Dot(_fp32!.Row(candidate.Row), query));
        }

        return heap.ToSortedArray();
    }

    private TopKHeap ParallelScan(short[] query, float scale, int k, int threads)
    {
        var heaps = new TopKHeap[threads];
        var rowsPerRange = (Count + threads - 1) / threads;
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, range =>
        {
            var from = range * rowsPerRange;
            heaps[range] = ScanRange(query, scale, k, from, Math.Min(Count, from + rowsPerRange));
        });

        var merged = new TopKHeap(k);
        foreach (var heap in heaps)
        {
            heap.AddTo(merged);
        }

        return merged;
    }

    private TopKHeap ScanRange(short[] query, float scale, int k, int from, int to)
    {
        var heap = new TopKHeap(k);
        var dimensions = Dimensions;
        var codes = _codes.AsSpan();
        for (var row = from; row < to; row++)
        {
            var score = scale * Int8Dot.Dot(codes.Slice(row * dimensions, dimensions), query);
            if (heap.Accepts(score))
            {
                heap.Offer(row, score);
            }
        }

        return heap;
    }
}
