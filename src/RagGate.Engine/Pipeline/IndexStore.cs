using System.Security.Cryptography;
using System.Text;
using RagGate.Engine.Answering;
using RagGate.Engine.Chunking;
using RagGate.Engine.Configuration;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Indexing;
using RagGate.Engine.Ingestion;
using RagGate.Evaluation;

namespace RagGate.Engine.Pipeline;

/// <summary>
/// Builds indexes from a corpus, and reuses a saved one only while it still matches the corpus,
/// the model and the chunking (a fingerprint file beside the index says what it was built from).
/// </summary>
public static class IndexStore
{
    private const string FingerprintFile = "fingerprint.txt";

    /// <summary>Chunks and embeds a corpus as the config's chunking says, storing vectors as its <c>retrieval.vectors</c> says.</summary>
    public static Task<RagIndex> BuildAsync(
        IngestionResult corpus, EngineConfig config, OnnxEmbeddingGenerator embedder,
        IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(embedder);
        var chunker = new Chunker(config.Chunking, embedder.CountTokens, embedder.Model.MaxTokens);
        return BuildIndexAsync(corpus, chunker, embedder, new IndexBuildOptions
        {
            ModelHash = embedder.ModelHash,
            Precision = embedder.Precision,
            Vectors = config.Retrieval.Vectors,
            Bm25CacheDirectory = Bm25CacheDirectory(config.Embedding),
        }, progress, cancellationToken);
    }

    /// <summary>
    /// Ingests and chunks a corpus for BM25 only: no vectors, and the embedding model is never loaded.
    /// Token chunking still counts the word pieces of <paramref name="embedding"/>'s tokenizer (its
    /// vocabulary, not its ONNX file), so chunks are cut exactly where an embedded index cuts them.
    /// </summary>
    public static Task<RagIndex> BuildLexicalAsync(
        IngestionResult corpus, ChunkingOptions chunking, EmbeddingOptions embedding,
        IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        var model = EmbeddingModelCatalog.Get(embedding.Model);
        // Whole-document chunking never counts, so it never reads the vocabulary either.
        var tokenizer = new Lazy<WordPieceTokenizer>(() => WordPieceTokenizer.For(model));
        var chunker = new Chunker(chunking, text => tokenizer.Value.CountTokens(text), model.MaxTokens);
        return BuildIndexAsync(corpus, chunker, generator: null, new IndexBuildOptions
        {
            ModelId = model.Id,
            Bm25CacheDirectory = Bm25CacheDirectory(embedding),
        }, progress, cancellationToken);
    }

    // BM25 postings are kept beside the embeddings, so a CI cache of that folder keeps both.
    private static string? Bm25CacheDirectory(EmbeddingOptions embedding) =>
        embedding.CacheDirectory is { } cache ? Path.Combine(cache, "bm25") : null;

    private static Task<RagIndex> BuildIndexAsync(
        IngestionResult corpus, Chunker chunker, OnnxEmbeddingGenerator? generator, IndexBuildOptions options,
        IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var relay = progress is null ? null : new Progress<IndexProgress>(p => progress.Report((p.DocumentsDone, p.DocumentCount)));
        return IndexBuilder.BuildAsync(corpus, chunker, generator, options, relay, cancellationToken);
    }

    /// <summary>Loads the configured index when it is fresh; otherwise builds it (and saves it when a folder is configured).</summary>
    /// <param name="config">The config naming the corpus, index folder, model and chunking.</param>
    /// <param name="corpus">The corpus when the caller has read it already (null: read it, or only load the index when no corpus is configured).</param>
    /// <param name="embedder">The embedder for the configured model; null for a BM25-only config, whose index holds no vectors.</param>
    /// <param name="progress">Documents embedded so far, out of the total.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    public static async Task<RagIndex> OpenOrBuildAsync(
        RagGateConfig config, IngestionResult? corpus, OnnxEmbeddingGenerator? embedder, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var engine = config.Engine;
        // BM25 reads any index's postings, so a BM25-only config takes an index whatever model it was built with.
        var expectedModel = embedder?.Model.Id;
        if (corpus is null && engine.Corpus is null)
        {
            var saved = await RagIndex.LoadAsync(engine.Index!, expectedModel, cancellationToken);
            var configured = engine.Retrieval.Vectors;
            // BM25 never reads the vectors, so a BM25-only config takes the index whatever it stores.
            if (embedder is not null && saved.Manifest.Vectors != configured)
            {
                throw InputException.At(Path.Combine(engine.Index!, "manifest.json"), "vectors",
                    $"the index stores {EnginePolicies.VectorStorages.NameOf(saved.Manifest.Vectors)} vectors, the config asks for retrieval.vectors {EnginePolicies.VectorStorages.NameOf(configured)}; rebuild it with raggate index --config");
            }

            return saved;
        }

        corpus ??= await CorpusReader.ReadAsync(engine.Corpus!, cancellationToken);
        var fingerprint = embedder is null ? LexicalFingerprint(corpus, engine.Chunking, engine.Embedding) : Fingerprint(corpus, engine, embedder);
        var stampPath = engine.Index is null ? null : Path.Combine(engine.Index, FingerprintFile);
        if (stampPath is not null && File.Exists(stampPath) && (await File.ReadAllTextAsync(stampPath, cancellationToken)).Trim() == fingerprint)
        {
            return await RagIndex.LoadAsync(engine.Index!, expectedModel, cancellationToken);
        }

        var index = embedder is null
            ? await BuildLexicalAsync(corpus, engine.Chunking, engine.Embedding, progress, cancellationToken)
            : await BuildAsync(corpus, engine, embedder, progress, cancellationToken);
        // A retrieval-only eval never answers, so precomputing the answerer's sentence vectors would
        // only add work (on SciFact: 44,813 sentences, more than the 5,183 documents themselves).
        if (embedder is not null && NeedsSentenceCache(config))
        {
            await WarmSentenceCacheAsync(index, embedder, progress, cancellationToken);
        }

        if (engine.Index is not null)
        {
            await index.SaveAsync(engine.Index, cancellationToken);
            await File.WriteAllTextAsync(stampPath!, fingerprint + "\n", cancellationToken);
        }

        return index;
    }

    /// <summary>True when building an index should also precompute the extractive answerer's sentence vectors.</summary>
    public static bool NeedsSentenceCache(RagGateConfig config) =>
        config.Evaluation.Eval.Answer && config.Engine.Answer.Answerer == AnswererKind.Extractive
        && config.Engine.Embedding.CacheDirectory is not null && config.Engine.NeedsEmbeddingModel;

    /// <summary>
    /// Embeds every sentence of every chunk into the embedding cache, so the extractive answerer's
    /// sentence vectors are precomputed at index time, as a deployed system would have them.
    /// </summary>
    public static async Task WarmSentenceCacheAsync(
        RagIndex index, OnnxEmbeddingGenerator embedder, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        // The answerer embeds each context chunk's sentences and the chunk text itself (its refusal signal).
        var sentences = index.Chunks.SelectMany(c => SentenceSplitter.Split(c.Text).Append(c.Text)).Distinct(StringComparer.Ordinal).ToList();
        var relay = progress is null ? null : new Progress<int>(done => progress.Report((done, sentences.Count)));
        await embedder.EmbedAsync(sentences, isQuery: false, relay, cancellationToken);
    }

    private static string Fingerprint(IngestionResult corpus, EngineConfig config, OnnxEmbeddingGenerator embedder)
    {
        // fp32 adds nothing, so indexes stamped before retrieval.vectors existed stay fresh.
        var vectors = config.Retrieval.Vectors == VectorStorage.Fp32 ? "" : $"|vectors {EnginePolicies.VectorStorages.NameOf(config.Retrieval.Vectors)}";
        return Fingerprint(corpus,
            $"{IndexManifest.CurrentFormatVersion}|{Chunker.Version}|{embedder.Model.Id}|{embedder.CacheIdentity}|{ChunkingText(config.Chunking)}{vectors}");
    }

    // The chunking as fingerprints have always spelled it: mode name, size, overlap.
    private static string ChunkingText(ChunkingOptions chunking) =>
        $"{EnginePolicies.ChunkingModes.NameOf(chunking.Mode)}|{chunking.MaxTokens}|{chunking.OverlapTokens}";

    private static string Fingerprint(IngestionResult corpus, string settings)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        Add(settings);
        foreach (var document in corpus.Documents)
        {
            Add(document.Id);
            Add(document.Title ?? "");
            Add(document.Text);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // What a BM25-only index depends on: the corpus and the chunking, and for token chunking the
    // tokenizer that counts (named by its model id); never the ONNX file, which is not even read.
    private static string LexicalFingerprint(IngestionResult corpus, ChunkingOptions chunking, EmbeddingOptions embedding)
    {
        var tokenizer = chunking.Mode == ChunkingMode.Whole ? "" : EmbeddingModelCatalog.Get(embedding.Model).Id;
        return Fingerprint(corpus, $"{IndexManifest.CurrentFormatVersion}|{Chunker.Version}|bm25|{tokenizer}|{ChunkingText(chunking)}");
    }
}
