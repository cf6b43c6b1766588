using Microsoft.Extensions.AI;
using RagGate.Engine.Caching;
using RagGate.Engine.Embeddings.Quantization;
using RagGate.Evaluation;

namespace RagGate.Engine.Embeddings;

/// <summary>
/// Sentence embeddings on ONNX Runtime for the models of <see cref="EmbeddingModelCatalog"/>:
/// word-piece tokenization, length-bucketed batches, per-model pooling, unit-length vectors, and an
/// optional content-addressed disk cache so unchanged texts are never embedded twice.
/// Safe to call concurrently.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Provider name reported in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "raggate-onnx";

    private readonly EmbeddingOptions _options;
    private readonly Lazy<OnnxEmbeddingRunner> _runner;
    private readonly Lazy<OnnxEmbeddingRunner> _queryRunner;
    private readonly EmbeddingCache? _cache;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly Lazy<QueryBatcher>? _queryBatcher;

    private OnnxEmbeddingGenerator(EmbeddingOptions options, EmbeddingModelInfo model)
    {
        _options = options;
        Model = model;
        ModelHash = EmbeddingModelResources.Hash(model, Int8ModelFolder(options));
        Tokenizer = WordPieceTokenizer.For(model);
        Precision = options.Precision;
        // Fp32 keys stay as they were (caches written before int8 existed remain valid); int8 vectors
        // get their own keys, tied to the rewrite version as well as the fp32 model's hash.
        CacheIdentity = Precision == EmbeddingPrecision.Fp32 ? ModelHash : $"{ModelHash}/{Int8ModelBuilder.Version}";
        // The model is read and its session built on the first cache miss, so a fully cached re-run never loads it.
        _runner = new Lazy<OnnxEmbeddingRunner>(() => CreateRunner(options, options.SpinBetweenRuns));
        // Single queries run on a session whose threads never spin between runs, as a server's do. Spinning
        // suits a corpus, batch after batch; between one query and the next the spinning worker holds a core
        // that the rest of the query (search, ranking, the next tokenization) and the JIT need. Measured on
        // warm SciFact evals (300 queries, 2 cores, load 12-14, interleaved): 3.1-4.4 s for the queries
        // without spinning against 8.4-11.5 s with it, 3.3-3.7 s CPU against 5.7-7.2 s. Where the options
        // already turn spinning off (a server), this is the same session, so only an eval or an index build
        // followed by queries holds a second one. A warm run embeds no document and loads only this one.
        _queryRunner = options.SpinBetweenRuns ? new Lazy<OnnxEmbeddingRunner>(() => CreateRunner(options, spinBetweenRuns: false)) : _runner;
        _cache = options.CacheDirectory is { } directory ? new EmbeddingCache(directory) : null;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, null, model.Id, model.Dimensions);
        _queryBatcher = options.BatchConcurrentQueries
            ? new Lazy<QueryBatcher>(() => new QueryBatcher(rows => _queryRunner.Value.Run(rows, CancellationToken.None), Statistics, options.BatchSize))
            : null;
    }

    /// <summary>The model this generator runs.</summary>
    public EmbeddingModelInfo Model { get; }

    /// <summary>SHA-256 (hex) of the model's ONNX file, part of every cache key and of the system identity.</summary>
    public string ModelHash { get; }

    /// <summary>The precision the model runs at.</summary>
    public EmbeddingPrecision Precision { get; }

    /// <summary>What the vectors depend on besides the text: the model hash, and for int8 the rewrite version.</summary>
    public string CacheIdentity { get; }

    /// <summary>Counters of inference and cache use since creation.</summary>
    public EmbeddingStatistics Statistics { get; } = new();

    internal WordPieceTokenizer Tokenizer { get; }

    internal int BatchSize => _options.BatchSize;

    /// <summary>Loads the configured model; an unknown model id or a bad setting is an input error.</summary>
    public static OnnxEmbeddingGenerator Create(EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize < 1)
        {
            throw new InputException($"embedding batch size {options.BatchSize}: expected a positive number");
        }

        if (options.Threads < 0)
        {
            throw new InputException($"embedding threads {options.Threads}: expected 0 (one per processor) or more");
        }

        return new OnnxEmbeddingGenerator(options, EmbeddingModelCatalog.Get(options.Model));
    }

    /// <summary>Word pieces of <paramref name="text"/> without [CLS]/[SEP], not truncated (for chunking).</summary>
    public int CountTokens(string text) => Tokenizer.CountTokens(text);

    /// <summary>
    /// Unit vectors for <paramref name="texts"/> in order; queries get the model's query prefix.
    /// <paramref name="progress"/> receives the number of texts completed so far.
    /// </summary>
    public async Task<float[][]> EmbedAsync(
        IReadOnlyList<string> texts,
        bool isQuery,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var inputs = texts.Select(t => isQuery && Model.QueryPrefix is { } prefix ? prefix + t : t).ToArray();
        if (isQuery && inputs.Length == 1 && _queryBatcher is not null)
        {
            var vector = await _queryBatcher.Value.EmbedAsync(Tokenizer.Encode(inputs[0], Model.MaxTokens), cancellationToken).ConfigureAwait(false);
            progress?.Report(1);
            return [vector];
        }

        // Queries skip the disk cache: in production they are new each time, so a cached query would
        // make evaluated retrieval latency look better than what users get.
        return await Task.Run(() => Embed(inputs, useCache: !isQuery, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var vectors = await EmbedAsync(values.ToList(), EmbeddingInput.IsQuery(options), null, cancellationToken).ConfigureAwait(false);
        var created = DateTimeOffset.UtcNow;
        return new GeneratedEmbeddings<Embedding<float>>(
            vectors.Select(v => new Embedding<float>(v) { ModelId = Model.Id, CreatedAt = created }));
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_queryBatcher is { IsValueCreated: true })
        {
            _queryBatcher.Value.Dispose();
        }

        if (_runner.IsValueCreated)
        {
            _runner.Value.Dispose();
        }

        if (!ReferenceEquals(_queryRunner, _runner) && _queryRunner.IsValueCreated)
        {
            _queryRunner.Value.Dispose();
        }
    }

    /// <summary>Whether single queries run on a session whose threads spin between runs (for tests).</summary>
    internal bool? QueriesSpin => _queryRunner.IsValueCreated ? _queryRunner.Value.SpinsBetweenRuns : null;

    /// <summary>Whether texts embedded in batches (a corpus) run on a session whose threads spin between runs (for tests).</summary>
    internal bool? BatchesSpin => _runner.IsValueCreated ? _runner.Value.SpinsBetweenRuns : null;

    /// <summary>The int8 models and the model hash stamps live in a folder beside the embedding cache's entries.</summary>
    internal static string? Int8ModelFolder(EmbeddingOptions options) =>
        options.CacheDirectory is { } directory ? Path.Combine(Path.GetFullPath(directory), "models") : null;

    private OnnxEmbeddingRunner CreateRunner(EmbeddingOptions options, bool spinBetweenRuns)
    {
        var runner = NewRunner(options, spinBetweenRuns);
        // ONNX Runtime copies the weights out of the model bytes, so the 90 MB array is garbage as soon as
        // the session exists; it sits in a large-object region that an ordinary collection frees but
        // keeps committed (measured: 89 MB of a served engine's resident set at rest). One aggressive
        // collection, once per model load, hands it back to the system.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return runner;
    }

    // Kept apart so the model bytes are out of scope (and unreachable) when CreateRunner collects.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private OnnxEmbeddingRunner NewRunner(EmbeddingOptions options, bool spinBetweenRuns) => new(Model, LoadModel(options), options.Threads, spinBetweenRuns);

    private byte[] LoadModel(EmbeddingOptions options) => Precision == EmbeddingPrecision.Int8
        ? Int8ModelStore.GetOrBuild(Model, ModelHash, Tokenizer, Int8ModelFolder(options), options.Threads)
        : EmbeddingModelResources.LoadModel(Model);

    private float[][] Embed(string[] inputs, bool useCache, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var results = new float[inputs.Length][];
        var keys = _cache is null || !useCache ? null : inputs.Select(t => EmbeddingCache.ComputeKey(Model.Id, CacheIdentity, t)).ToArray();
        var missing = keys is null ? Enumerable.Range(0, inputs.Length).ToList() : LookUp(keys, results);
        var done = inputs.Length - missing.Count;
        if (done > 0)
        {
            progress?.Report(done);
        }

        var encoded = missing.Select(i => Tokenizer.Encode(inputs[i], Model.MaxTokens)).ToArray();
        var batches = LengthBatchPlanner.Bucketed(encoded.Select(e => e.Length).ToArray(), _options.BatchSize);
        foreach (var batch in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rows = batch.Select(b => encoded[b]).ToArray();
            // After a call of several batches (a corpus), the last run hands the arena's growth back.
            var (vectors, elapsed) = _runner.Value.Run(rows, cancellationToken, shrinkArena: batches.Count > 1 && batch == batches[^1]);
            Statistics.AddInference(rows.Length, rows.Sum(r => (long)r.Length), elapsed);
            for (var j = 0; j < batch.Length; j++)
            {
                var index = missing[batch[j]];
                results[index] = vectors[j];
                if (keys is not null) _cache!.Set(keys[index], vectors[j]);
            }

            done += batch.Length;
            progress?.Report(done);
        }

        return results;
    }

    private List<int> LookUp(string[] keys, float[][] results)
    {
        var corruptBefore = _cache!.Corruptions;
        var missing = new List<int>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (_cache.TryGet(keys[i], Model.Dimensions, out var vector))
            {
                results[i] = vector;
            }
            else
            {
                missing.Add(i);
            }
        }

        // The cache's corruption counter is shared by concurrent calls; the difference is close enough for counters.
        var corrupt = (int)(_cache.Corruptions - corruptBefore);
        Statistics.AddCacheLookups(keys.Length - missing.Count, missing.Count, corrupt);
        return missing;
    }
}
