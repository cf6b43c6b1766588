using System.CommandLine;
using System.Diagnostics;
using RagGate.Cli.Hosting;
using RagGate.Engine.Indexing;
using RagGate.Engine.Ingestion;
using RagGate.Engine.Pipeline;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate index</c>: ingest, chunk, embed and save an index folder.</summary>
internal sealed class IndexCommand : RaggateCommand<IndexCommandSettings>
{
    private readonly Option<string?> _corpus = new("--corpus") { Description = "Folder of .md/.txt files, a JSONL file, or a BEIR corpus.jsonl(.gz)" };
    private readonly Option<string?> _config = new("--config") { Description = "raggate.yaml to take the settings (and the corpus) from" };
    private readonly Option<string?> _model = new("--model") { Description = "Embedding model: minilm-l6-v2 (default) or arctic-embed-xs" };
    private readonly Option<string?> _chunking = new("--chunking") { Description = "tokens (default) or whole" };
    private readonly Option<int?> _maxTokens = new("--max-tokens") { Description = "Largest chunk in word pieces (default 128)" };
    private readonly Option<int?> _overlap = new("--overlap") { Description = "Word pieces shared by consecutive chunks (default 16)" };
    private readonly Option<string?> _cache = new("--cache") { Description = "Embedding cache folder (default .raggate/embeddings)" };
    private readonly Option<int?> _threads = new("--threads") { Description = "ONNX Runtime threads (default: all cores)" };
    private readonly Option<string> _out = new("--out") { Description = "Index folder to write", DefaultValueFactory = _ => ".raggate/index" };

    public IndexCommand()
        : base("index", "Build an index from a corpus with an embedded sentence-embedding model")
    {
        AddSymbols(_corpus, _config, _model, _chunking, _maxTokens, _overlap, _cache, _threads, _out);
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(IndexCommandSettings settings, CancellationToken cancellationToken)
    {
        var config = settings.Resolve();
        var clock = Stopwatch.StartNew();
        var corpus = await CorpusReader.ReadAsync(config.Engine.Corpus!, cancellationToken);
        if (!config.Engine.NeedsEmbeddingModel)
        {
            // A BM25-only config: chunks and postings, no vectors, and the embedding model is never loaded.
            var lexical = await ProgressBar.RunAsync("Indexing", "docs", progress =>
                IndexStore.BuildLexicalAsync(corpus, config.Engine.Chunking, config.Engine.Embedding, progress, cancellationToken));
            await lexical.SaveAsync(settings.Out, cancellationToken);
            Report(corpus, lexical, "for BM25 only (no embedding model)", clock.Elapsed.TotalSeconds);
            Console.WriteLine($"Index: {Path.GetFullPath(settings.Out)}");
            return ExitCodes.Success;
        }

        using var embedder = RagEngine.CreateEmbedder(config.Engine.Embedding);
        var index = await ProgressBar.RunAsync("Embedding", "docs", progress =>
            IndexStore.BuildAsync(corpus, config.Engine, embedder, progress, cancellationToken));
        if (IndexStore.NeedsSentenceCache(config))
        {
            await ProgressBar.RunAsync("Embedding answer sentences", "sentences", async progress =>
            {
                await IndexStore.WarmSentenceCacheAsync(index, embedder, progress, cancellationToken);
                return true;
            });
        }

        await index.SaveAsync(settings.Out, cancellationToken);
        Report(corpus, index, $"with {embedder.Model.Id}", clock.Elapsed.TotalSeconds);
        var stats = embedder.Statistics;
        Console.WriteLine($"Embeddings: {stats.Inferences} computed, {stats.CacheHits} from cache. Index: {Path.GetFullPath(settings.Out)}");
        return ExitCodes.Success;
    }

    private static void Report(IngestionResult corpus, RagIndex index, string how, double seconds)
    {
        Console.WriteLine($"Indexed {corpus.Documents.Count} documents into {index.Manifest.ChunkCount} chunks {how} in {seconds:0.0} s ({corpus.Documents.Count / Math.Max(seconds, 1e-9):0.0} docs/s).");
        if (corpus.SkippedEmpty.Count > 0)
        {
            Console.WriteLine($"Skipped {corpus.SkippedEmpty.Count} empty documents: {string.Join(", ", corpus.SkippedEmpty.Take(10))}{(corpus.SkippedEmpty.Count > 10 ? ", ..." : "")}");
        }
    }

    /// <inheritdoc />
    protected override IndexCommandSettings Bind(ParseResult parse) => new()
    {
        Corpus = parse.GetValue(_corpus),
        Config = parse.GetValue(_config),
        Model = parse.GetValue(_model),
        Chunking = parse.GetValue(_chunking),
        MaxTokens = parse.GetValue(_maxTokens),
        Overlap = parse.GetValue(_overlap),
        Cache = parse.GetValue(_cache),
        Threads = parse.GetValue(_threads),
        Out = parse.GetValue(_out)!,
    };
}
