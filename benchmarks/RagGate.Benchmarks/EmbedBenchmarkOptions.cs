using System.Globalization;
using RagGate.Engine.Embeddings;
using RagGate.Evaluation;

namespace RagGate.Benchmarks;

/// <summary>Command-line options shared by the embed and embed-cache benchmarks.</summary>
internal sealed record EmbedBenchmarkOptions(string Model, int Docs, string Corpus, int Threads, int BatchSize, int Rounds)
{
    /// <summary>
    /// Parses <paramref name="args"/>, loads the passages and runs <paramref name="body"/>: exit 0, or 2 with one line
    /// when an argument or the corpus is wrong.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, int defaultDocs, Func<EmbedBenchmarkOptions, List<string>, Task> body)
    {
        try
        {
            var options = Parse(args, defaultDocs);
            await body(options, EmbedBenchmarkCorpus.Load(options.Corpus, options.Docs));
            return 0;
        }
        catch (InputException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    public static EmbedBenchmarkOptions Parse(string[] args, int defaultDocs)
    {
        var options = new EmbedBenchmarkOptions(EmbeddingModelCatalog.DefaultModelId, defaultDocs, EmbedBenchmarkCorpus.DefaultPath, 0, 32, 2);
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new InputException($"{args[i]}: expected a value");
            options = args[i] switch
            {
                "--model" => options with { Model = EmbeddingModelCatalog.Get(value).Id },
                "--docs" => options with { Docs = Number(args[i], value) },
                "--corpus" => options with { Corpus = value },
                "--threads" => options with { Threads = Number(args[i], value) },
                "--batch" => options with { BatchSize = Number(args[i], value) },
                "--rounds" => options with { Rounds = Number(args[i], value) },
                _ => throw new InputException($"{args[i]}: expected --model, --docs, --corpus, --threads, --batch or --rounds"),
            };
        }

        return options;
    }

    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    public EmbeddingOptions ToEmbeddingOptions(string? cacheDirectory = null) =>
        new() { Model = Model, Threads = Threads, BatchSize = BatchSize, CacheDirectory = cacheDirectory };

    private static int Number(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new InputException($"{name}: expected a positive whole number, got '{value}'");
}
