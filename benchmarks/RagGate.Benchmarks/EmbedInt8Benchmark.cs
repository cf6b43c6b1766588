using System.Diagnostics;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Embeddings.Quantization;

namespace RagGate.Benchmarks;

/// <summary>
/// int8 against fp32 embedding on the same passages in one process: the int8 build (time and what
/// the rewrite fused), then ours int8, ours fp32 and a bare fp32 ONNX Runtime session in rotating
/// rounds (each system's best), and the cosine of every int8 vector to its fp32 vector.
/// <c>dotnet run -c Release --project benchmarks/RagGate.Benchmarks -- embed-int8 --docs 300</c>.
/// </summary>
internal static class EmbedInt8Benchmark
{
    public const string Name = "embed-int8";

    public static Task<int> RunAsync(string[] args) => EmbedBenchmarkOptions.RunAsync(args, defaultDocs: 200, RunAsync);

    private static async Task RunAsync(EmbedBenchmarkOptions options, List<string> texts)
    {
        using var fp32 = OnnxEmbeddingGenerator.Create(options.ToEmbeddingOptions());
        using var int8 = OnnxEmbeddingGenerator.Create(options.ToEmbeddingOptions() with { Precision = EmbeddingPrecision.Int8 });
        var model = fp32.Model;
        Console.WriteLine($"model\t{model.Id}\ndocs\t{texts.Count} ({options.Corpus})\nthreads\t{options.EffectiveThreads}\nbatch\t{options.BatchSize}");

        var watch = Stopwatch.StartNew();
        var (bytes, summary) = Int8ModelBuilder.Build(EmbeddingModelResources.LoadModel(model), model.OutputName);
        Console.WriteLine($"build\t{watch.Elapsed.TotalSeconds:F2} s, {bytes.Length / 1e6:F1} MB: {summary.QuantizedMatMuls} DynamicQuantizeMatMul, {summary.Attentions} MultiHeadAttention, {summary.PackedProjections} packed Q|K|V projections");

        using var bare = new InferenceSession(EmbeddingModelResources.LoadModel(model), OnnxEmbeddingRunner.CreateSessionOptions(options.Threads));
        // Warm-up: builds and checks the int8 model (first use), allocates arenas, JITs; none of it timed.
        watch.Restart();
        await int8.EmbedAsync(texts.Take(8).ToList(), isQuery: false);
        Console.WriteLine($"first use\t{watch.Elapsed.TotalSeconds:F2} s (build, check against fp32, session)");
        await fp32.EmbedAsync(texts.Take(8).ToList(), isQuery: false);
        EmbedBenchmark.RunBare(bare, fp32, texts.Take(8).ToList());

        float[][] a = [];
        float[][] b = [];
        var systems = new (string Name, Action Run)[]
        {
            ("ours int8", () => a = int8.EmbedAsync(texts, isQuery: false).GetAwaiter().GetResult()),
            ("ours fp32", () => b = fp32.EmbedAsync(texts, isQuery: false).GetAwaiter().GetResult()),
            ("bare ONNX Runtime fp32, same batches", () => EmbedBenchmark.RunBare(bare, fp32, texts)),
        };
        var best = systems.Select(_ => (Wall: TimeSpan.MaxValue, Cpu: TimeSpan.MaxValue)).ToArray();
        for (var round = 0; round < options.Rounds; round++)
        {
            for (var k = 0; k < systems.Length; k++)
            {
                var i = (k + round) % systems.Length;
                var (wall, cpu) = EmbedBenchmark.Time(systems[i].Run);
                best[i] = (EmbedBenchmark.Min(best[i].Wall, wall), EmbedBenchmark.Min(best[i].Cpu, cpu));
            }
        }

        for (var i = 0; i < systems.Length; i++)
        {
            Console.WriteLine($"{systems[i].Name}\t{texts.Count / best[i].Wall.TotalSeconds:F1} docs/s wall\t{texts.Count / best[i].Cpu.TotalSeconds:F1} docs per CPU-s");
        }

        Console.WriteLine($"int8 / ours fp32\t{best[1].Wall / best[0].Wall:F3} (wall)\t{best[1].Cpu / best[0].Cpu:F3} (CPU)");
        Console.WriteLine($"int8 / bare fp32\t{best[2].Wall / best[0].Wall:F3} (wall)\t{best[2].Cpu / best[0].Cpu:F3} (CPU)");
        var cosines = a.Zip(b, (x, y) => TensorPrimitives.CosineSimilarity(x, y)).ToArray();
        Console.WriteLine($"cosine int8 vs fp32\tmean {cosines.Average():F5}\tmin {cosines.Min():F5}\t(floor {Int8ModelStore.CosineFloor})");
    }
}
