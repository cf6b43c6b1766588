using System.Diagnostics;
using System.Numerics.Tensors;

namespace RagGate.Benchmarks;

/// <summary>
/// Measures sequential read bandwidth: the best of several passes summing the array with
/// <see cref="TensorPrimitives.Sum(ReadOnlySpan{float})"/>, split over the given number of threads.
/// A scan that reads every vector once per query cannot beat bytes / this bandwidth.
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
            if (threads == 1)
            {
                partial[0] = TensorPrimitives.Sum(data);
            }
            else
            {
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                {
                    var from = t * perThread;
                    partial[t] = TensorPrimitives.Sum(data.AsSpan(from, Math.Min(perThread, data.Length - from)));
                });
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        // Keep the sums alive so the reads cannot be optimized away.
        GC.KeepAlive(partial);
        return (double)data.Length * sizeof(float) / best;
    }
}
