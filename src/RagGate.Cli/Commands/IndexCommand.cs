using System.CommandLine;
using System.Diagnostics;
using RagGate.Cli.Hosting;
using RagGate.Engine.Ingestion;
using RagGate.Engine.Pipeline;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate index</c>: ingest, chunk, embed and save an index folder.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var corpus = new Option<string>("--corpus") { Description = "Folder of .md/.txt files, a JSONL file, or a BEIR corpus.jsonl(.gz)" };
        var config = new Option<string?>("--config") { Description = "raggate.yaml to take the settings (and the corpus) from" };
        var model = new Option<string?>("--model") { Description = "Embedding model: minilm-l6-v2 (default) or arctic-embed-xs" };
        var chunking = new Option<string?>("--chunking") { Description = "tokens (default) or whole" };
        var maxTokens = new Option<int?>("--max-tokens") { Description = "Largest chunk in word pieces (default 128)" };
        var overlap = new Option<int?>("--overlap") { Description = "Word pieces shared by consecutive chunks (default 16)" };
        var cache = new Option<string?>("--cache") { Description = "Embedding cache folder (default .raggate/embeddings)" };
        var threads = new Option<int?>("--threads") { Description = "ONNX Runtime threads (default: all cores)" };
        var output = new Option<string>("--out") { Description = "Index folder to write", DefaultValueFactory = _ => ".raggate/index" };
        var command = new Command("index", "Build an index from a corpus with an embedded sentence-embedding model")
        {
            corpus, config, model, chunking, maxTokens, overlap, cache, threads, output,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(async token =>
        {
            var settings = EngineSettings.Resolve(parse.GetValue(config), parse.GetValue(corpus), parse.GetValue(model),
                parse.GetValue(chunking), parse.GetValue(maxTokens), parse.GetValue(overlap), parse.GetValue(cache), parse.GetValue(threads));
            return await RunAsync(settings, parse.GetValue(output)!, token);
        }, ct));
        return command;
    }

    private static async Task<int> RunAsync(RagGateConfig settings, string output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var corpus = await CorpusReader.ReadAsync(settings.Corpus!, cancellationToken);
        using var embedder = RagEngine.CreateEmbedder(settings.Embedding);
        var index = await ProgressBar.RunAsync("Embedding", "docs", progress =>
            IndexStore.BuildAsync(corpus, settings.Chunking, embedder, progress, cancellationToken));
        if (IndexStore.NeedsSentenceCache(settings))
        {
            await ProgressBar.RunAsync("Embedding answer sentences", "sentences", async progress =>
            {
                await IndexStore.WarmSentenceCacheAsync(index, embedder, progress, cancellationToken);
                return true;
            });
        }

        await index.SaveAsync(output, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"Indexed {corpus.Documents.Count} documents into {index.Manifest.ChunkCount} chunks with {embedder.Model.Id} in {seconds:0.0} s ({corpus.Documents.Count / Math.Max(seconds, 1e-9):0.0} docs/s).");
        if (corpus.SkippedEmpty.Count > 0)
        {
            Console.WriteLine($"Skipped {corpus.SkippedEmpty.Count} empty documents: {string.Join(", ", corpus.SkippedEmpty.Take(10))}{(corpus.SkippedEmpty.Count > 10 ? ", ..." : "")}");
        }

        var stats = embedder.Statistics;
        Console.WriteLine($"Embeddings: {stats.Inferences} computed, {stats.CacheHits} from cache. Index: {Path.GetFullPath(output)}");
        return ExitCodes.Success;
    }
}
