using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;

namespace RagGate.Benchmarks;

/// <summary>
/// Measures sequential read bandwidth: the best of several passes that read the whole array with
/// four independent SIMD accumulators (so add latency does not hide the memory limit), split over
/// the given number of threads. A scan that reads every vector once per query cannot beat
/// bytes / this bandwidth.
/// </summary>
internal static class MemoryBandwidth
{
    public static double Measure(float[] data, int threads, int passes = 7)
    {
        var best = double.MaxValue;
        var partial = new float[threads];
        var perThread = (data.Length + threads - 1) / threads;
        for (var pass = 0; pass < passes; pass++)
        {
            var start = Stopwatch.GetTimestamp();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var from = t * perThread;
                partial[t] = ReadAll(data.AsSpan(from, Math.Min(perThread, data.Length - from)));
            });
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        // Keep the sums alive so the reads cannot be optimized away.
        GC.KeepAlive(partial);
        return (double)data.Length * sizeof(float) / best;
    }

    private static float ReadAll(ReadOnlySpan<float> span)
    {
        var vectors = MemoryMarshal.Cast<float, Vector<float>>(span);
        Vector<float> a = default, b = default, c = default, d = default;
        var i = 0;
        for (; i + 4 <= vectors.Length; i += 4)
        {
            a += vectors[i];
            b += vectors[i + 1];
            c += vectors[i + 2];
            d += vectors[i + 3];
        }

        for (; i < vectors.Length; i++)
        {
            a += vectors[i];
        }

        var sum = Vector.Sum(a + b + c + d);
        for (var j = vectors.Length * Vector<float>.Count; j < span.Length; j++)
        {
            sum += span[j];
        }

        return sum;
    }
}
