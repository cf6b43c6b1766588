using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using RagGate.Engine.Indexing;
using RagGate.Engine.Ingestion;

namespace RagGate.Benchmarks;

/// <summary>
/// Exact top-k over seeded random normalized vectors: per-query p50/p95, single-threaded and
/// parallel, against a memory-bandwidth bound measured in the same run on the same array.
/// <c>--export dir</c> writes the vectors and queries for the npm peers in benchmarks/peers/vector-search;
/// <c>--bm25-corpus path</c> times building BM25 postings for a corpus (index load rebuilds them).
/// </summary>
internal static class RetrievalBenchmark
{
    public const string Name = "retrieval";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RetrievalBenchmarkOptions.Parse(args);
        Console.WriteLine($"# exact top-{options.K}, {options.Dimensions}-d, {options.Queries} queries, seed {options.Seed}, "
            + $"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}");
        Console.WriteLine("rows\tthreads\tp50_ms\tp95_ms\tbound_ms\tp50/bound\tbandwidth_GB/s");
        foreach (var rows in options.Rows)
        {
            var vectors = RandomUnitVectors(new Random(options.Seed), rows, options.Dimensions);
            var queries = RandomUnitVectors(new Random(options.Seed + 1), options.Queries, options.Dimensions);
            var index = new VectorIndex(vectors, options.Dimensions);
            var int8 = Int8VectorIndex.Quantize(index, keepFp32: true);
            var int8Only = Int8VectorIndex.Quantize(index, keepFp32: false);
            foreach (var threads in options.Threads)
            {
                var fp32 = Measure(index, queries, options, threads);
                MeasureInt8("int8+fp32 rescore", (q, k) => int8.Search(q, k, threads), fp32, queries, options, threads);
                MeasureInt8("int8 only", (q, k) => int8Only.Search(q, k, threads), fp32, queries, options, threads);
            }

            if (options.Export is { } export)
            {
                await ExportAsync(export, index, queries, options);
            }
        }

        if (options.Bm25Corpus is { } corpus)
        {
            await TimeBm25Async(corpus);
        }

        return 0;
    }

    private delegate SearchHit[] Search(ReadOnlySpan<float> query, int k);

    /// <summary>
    /// An int8 search on the same queries: its p50/p95, the speed-up over the fp32 scan's p50, and
    /// recall@k against fp32's exact top-k (the share of exact rows it also returns).
    /// </summary>
    private static void MeasureInt8(string label, Search search, (double P50, int[][] Top) fp32, float[] queries, RetrievalBenchmarkOptions options, int threads)
    {
        var dimensions = options.Dimensions;
        for (var w = 0; w < Math.Min(5, options.Queries); w++)
        {
            search(queries.AsSpan(w * dimensions, dimensions), options.K);
        }

        var times = new double[options.Queries];
        var found = 0;
        for (var q = 0; q < options.Queries; q++)
        {
            var start = Stopwatch.GetTimestamp();
            var hits = search(queries.AsSpan(q * dimensions, dimensions), options.K);
            times[q] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            found += hits.Count(h => fp32.Top[q].Contains(h.Row));
        }

        Array.Sort(times);
        var p50 = Percentile(times, 0.50);
        Console.WriteLine($"  {label}\t{threads}\t{p50:F3}\t{Percentile(times, 0.95):F3}\t"
            + $"speed-up {fp32.P50 / p50:F2}x\trecall@{options.K} vs fp32 {found / (double)(options.Queries * options.K):F4}");
    }

    private static (double P50, int[][] Top) Measure(VectorIndex index, float[] queries, RetrievalBenchmarkOptions options, int threads)
    {
        var dimensions = options.Dimensions;
        for (var w = 0; w < Math.Min(5, options.Queries); w++)
        {
            index.Search(queries.AsSpan(w * dimensions, dimensions), options.K, threads);
        }

        var times = new double[options.Queries];
        var top = new int[options.Queries][];
        for (var q = 0; q < options.Queries; q++)
        {
            var start = Stopwatch.GetTimestamp();
            var hits = index.Search(queries.AsSpan(q * dimensions, dimensions), options.K, threads);
            times[q] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            top[q] = [.. hits.Select(h => h.Row)];
        }

        Array.Sort(times);
        var bandwidth = MemoryBandwidth.Measure(index.Data.ToArray(), threads);
        var bytes = (double)index.Data.Length * sizeof(float);
        var boundMs = bytes / bandwidth * 1e3;
        var p50 = Percentile(times, 0.50);
        Console.WriteLine($"{index.Count}\t{threads}\t{p50:F3}\t{Percentile(times, 0.95):F3}\t{boundMs:F3}\t{p50 / boundMs:F2}\t{bandwidth / 1e9:F1}");
        return (p50, top);
    }

    // Nearest-rank percentile over sorted samples.
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    internal static float[] RandomUnitVectors(Random random, int count, int dimensions)
    {
        var data = new float[(long)count * dimensions];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = random.NextSingle() - 0.5f;
        }

        for (var row = 0; row < count; row++)
        {
            var span = data.AsSpan(row * dimensions, dimensions);
            TensorPrimitives.Divide(span, TensorPrimitives.Norm(span), span);
        }

        return data;
    }

    private static async Task ExportAsync(string directory, VectorIndex index, float[] queries, RetrievalBenchmarkOptions options)
    {
        Directory.CreateDirectory(directory);
        var prefix = Path.Combine(directory, $"{index.Count}");
        await WriteMatrixAsync(prefix + ".vectors.f32", index.Data.ToArray(), index.Count, options.Dimensions);
        await WriteMatrixAsync(prefix + ".queries.f32", queries, options.Queries, options.Dimensions);
        var lines = Enumerable.Range(0, options.Queries).Select(q =>
            string.Join(' ', index.Search(queries.AsSpan(q * options.Dimensions, options.Dimensions), options.K).Select(h => h.Row)));
        await File.WriteAllLinesAsync(prefix + ".top" + options.K + ".txt", lines);
        Console.WriteLine($"# exported {prefix}.vectors.f32, .queries.f32 and our top-{options.K} rows per query");
    }

    // int32 rows, int32 dimensions, then little-endian floats row after row.
    private static async Task WriteMatrixAsync(string path, float[] data, int rows, int dimensions)
    {
        await using var stream = File.Create(path);
        var header = new byte[8];
        BitConverter.TryWriteBytes(header.AsSpan(0), rows);
        BitConverter.TryWriteBytes(header.AsSpan(4), dimensions);
        await stream.WriteAsync(header);
        const int Block = 1 << 20;
        for (long i = 0; i < data.Length; i += Block)
        {
            var count = (int)Math.Min(Block, data.Length - i);
            await stream.WriteAsync(MemoryMarshal.AsBytes(data.AsSpan((int)i, count)).ToArray());
        }
    }

    private static async Task TimeBm25Async(string corpus)
    {
        var read = await CorpusReader.ReadAsync(corpus);
        var texts = read.Documents.Select(d => string.IsNullOrWhiteSpace(d.Title) ? d.Text : d.Title + " " + d.Text).ToList();
        Bm25Index.Build(texts.Take(50).ToList());
        var start = Stopwatch.GetTimestamp();
        var bm25 = Bm25Index.Build(texts);
        var elapsed = Stopwatch.GetElapsedTime(start);
        Console.WriteLine($"# bm25 build\t{read.Documents.Count} documents\t{bm25.TermCount} terms\t{elapsed.TotalMilliseconds:F0} ms");
        var bytes = Bm25IndexFile.Write(bm25);
        Bm25IndexFile.Read(bytes, "bm25.bin", bm25.Count);
        start = Stopwatch.GetTimestamp();
        Bm25IndexFile.Read(bytes, "bm25.bin", bm25.Count);
        Console.WriteLine($"# bm25 load from bm25.bin\t{bytes.Length} bytes\t{Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms");
    }
}
