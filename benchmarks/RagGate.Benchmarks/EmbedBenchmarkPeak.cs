using System.Diagnostics;
using System.Runtime.Intrinsics;

namespace RagGate.Benchmarks;

/// <summary>
/// Estimates FLOPs of a 6-layer, 384-wide BERT encoder (both catalog models: MiniLM-L6-H384,
/// FFN 1536) and measures this machine's fp32 FMA peak with a register-only SIMD loop.
/// </summary>
internal static class EmbedBenchmarkPeak
{
    private const int Layers = 6;
    private const int Hidden = 384;
    private const int FeedForward = 1536;

    /// <summary>Multiply-adds × 2 of the dense layers and of attention (QKᵀ and AV) for one text of <paramref name="tokens"/> pieces.</summary>
    public static double FlopsPerText(int tokens)
    {
        double dense = Layers * ((4.0 * Hidden * Hidden) + (2.0 * Hidden * FeedForward));
        double attention = Layers * 2.0 * tokens * Hidden;
        return 2.0 * tokens * (dense + attention);
    }

    /// <summary>fp32 FLOP/s of <paramref name="threads"/> threads running independent FMA chains for about a second.</summary>
    public static (double FlopsPerSecond, string Width) MeasurePeak(int threads)
    {
        var width = Vector512.IsHardwareAccelerated ? "512-bit" : "256-bit";
        const long iterations = 40_000_000;
        var watch = Stopwatch.StartNew();
        var sums = new float[threads];
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t => sums[t] = Vector512.IsHardwareAccelerated ? Fma512(iterations) : Fma256(iterations));
        var lanes = Vector512.IsHardwareAccelerated ? 16 : 8;
        var flops = threads * iterations * 8.0 * lanes * 2.0;
        return (sums.Sum() == float.MaxValue ? 0 : flops / watch.Elapsed.TotalSeconds, width);
    }

    // Eight independent accumulators hide FMA latency so the loop is throughput-bound.
    private static float Fma512(long iterations)
    {
        var m = Vector512.Create(0.999999f);
        var a = Vector512.Create(1e-7f);
        Vector512<float> s0 = a, s1 = a * 2, s2 = a * 3, s3 = a * 4, s4 = a * 5, s5 = a * 6, s6 = a * 7, s7 = a * 8;
        for (long i = 0; i < iterations; i++)
        {
            s0 = Vector512.FusedMultiplyAdd(s0, m, a);
            s1 = Vector512.FusedMultiplyAdd(s1, m, a);
            s2 = Vector512.FusedMultiplyAdd(s2, m, a);
            s3 = Vector512.FusedMultiplyAdd(s3, m, a);
            s4 = Vector512.FusedMultiplyAdd(s4, m, a);
            s5 = Vector512.FusedMultiplyAdd(s5, m, a);
            s6 = Vector512.FusedMultiplyAdd(s6, m, a);
            s7 = Vector512.FusedMultiplyAdd(s7, m, a);
        }

        return Vector512.Sum(s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7);
    }

    private static float Fma256(long iterations)
    {
        var m = Vector256.Create(0.999999f);
        var a = Vector256.Create(1e-7f);
        Vector256<float> s0 = a, s1 = a * 2, s2 = a * 3, s3 = a * 4, s4 = a * 5, s5 = a * 6, s6 = a * 7, s7 = a * 8;
        for (long i = 0; i < iterations; i++)
        {
            s0 = Vector256.FusedMultiplyAdd(s0, m, a);
            s1 = Vector256.FusedMultiplyAdd(s1, m, a);
            s2 = Vector256.FusedMultiplyAdd(s2, m, a);
            s3 = Vector256.FusedMultiplyAdd(s3, m, a);
            s4 = Vector256.FusedMultiplyAdd(s4, m, a);
            s5 = Vector256.FusedMultiplyAdd(s5, m, a);
            s6 = Vector256.FusedMultiplyAdd(s6, m, a);
            s7 = Vector256.FusedMultiplyAdd(s7, m, a);
        }

        return Vector256.Sum(s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7);
    }
}
