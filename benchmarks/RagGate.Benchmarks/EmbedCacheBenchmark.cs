using System.Diagnostics;
using System.Security.Cryptography;
using RagGate.Engine.Embeddings;

namespace RagGate.Benchmarks;

/// <summary>
/// Cold vs warm embedding with the disk cache: a cold run into an empty cache, then a fresh
/// generator (as a re-run would create) over the same passages, with what the warm run still spends.
/// Full SciFact: <c>dotnet run -c Release --project benchmarks/RagGate.Benchmarks -- embed-cache --docs 5183</c>.
/// </summary>
internal static class EmbedCacheBenchmark
{
    public const string Name = "embed-cache";

    public static Task<int> RunAsync(string[] args) => EmbedBenchmarkOptions.RunAsync(args, defaultDocs: 300, async (options, texts) =>
    {
        var folder = Directory.CreateTempSubdirectory("raggate-embed-cache-").FullName;
        try
        {
            await RunAsync(options, texts, folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    });

    private static async Task RunAsync(EmbedBenchmarkOptions options, List<string> texts, string folder)
    {
        Console.WriteLine($"model\t{options.Model}\ndocs\t{texts.Count} ({options.Corpus})\nthreads\t{options.EffectiveThreads}\ncache\t{folder} (one file per entry, 2-hex-char shards)");
        var cold = await RunOnceAsync(options, texts, folder);
        EmbeddingModelResources.ForgetHashes(); // a re-run is a new process: it hashes the model again
        var warm = await RunOnceAsync(options, texts, folder);
        Console.WriteLine();
        Console.WriteLine("run\twall s\tcreate s\tembed s\tinferences\tcache hits\tcache misses\tinference s");
        Print("cold", cold);
        Print("warm", warm);
        Console.WriteLine($"warm/cold\t{warm.Wall / cold.Wall:P2}\t(target <= 5%)");
        Console.WriteLine($"warm remains\tcreate (read model resource + SHA-256 of model.onnx) {warm.Create.TotalSeconds:F3} s; lookups (key SHA-256 + read + verify {texts.Count} entries) {warm.Embed.TotalSeconds:F3} s = {warm.Embed.TotalMilliseconds * 1000 / texts.Count:F0} us/entry");
        MeasurePackAlternative(folder);
    }

    private static async Task<Result> RunOnceAsync(EmbedBenchmarkOptions options, List<string> texts, string folder)
    {
        var watch = Stopwatch.StartNew();
        using var generator = OnnxEmbeddingGenerator.Create(options.ToEmbeddingOptions(folder));
        var create = watch.Elapsed;
        await generator.EmbedAsync(texts, isQuery: false);
        var wall = watch.Elapsed;
        var s = generator.Statistics;
        return new Result(wall, create, wall - create, s.Inferences, s.CacheHits, s.CacheMisses, s.InferenceTime);
    }

    // What a single pack file would cost: one sequential read of every entry's bytes plus the same checksums.
    private static void MeasurePackAlternative(string folder)
    {
        var files = Directory.GetFiles(folder, "*.emb", SearchOption.AllDirectories);
        var pack = Path.Combine(folder, "pack.bin");
        using (var output = File.Create(pack))
        {
            foreach (var file in files)
            {
                output.Write(File.ReadAllBytes(file));
            }
        }

        var watch = Stopwatch.StartNew();
        var bytes = File.ReadAllBytes(pack);
        var entry = bytes.Length / Math.Max(1, files.Length);
        for (var offset = 0; offset + entry <= bytes.Length; offset += entry)
        {
            SHA256.HashData(bytes.AsSpan(offset, entry - 32));
        }

        Console.WriteLine($"pack-file alternative\tread + verify {files.Length} entries from one file: {watch.Elapsed.TotalSeconds:F3} s (files stay per entry: atomic writes and concurrent runs need no locking)");
        File.Delete(pack);
    }

    private static void Print(string name, Result r) =>
        Console.WriteLine($"{name}\t{r.Wall.TotalSeconds:F3}\t{r.Create.TotalSeconds:F3}\t{r.Embed.TotalSeconds:F3}\t{r.Inferences}\t{r.Hits}\t{r.Misses}\t{r.InferenceTime.TotalSeconds:F3}");

    private sealed record Result(TimeSpan Wall, TimeSpan Create, TimeSpan Embed, long Inferences, long Hits, long Misses, TimeSpan InferenceTime);
}
