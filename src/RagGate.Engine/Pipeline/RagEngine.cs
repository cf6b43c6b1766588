using System.Security.Cryptography;
using System.Text;
using RagGate.Engine.Answering;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Indexing;
using RagGate.Engine.Ingestion;
using RagGate.Engine.Retrieval;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Targets;
using RagGate.Evaluation.Tokens;

namespace RagGate.Engine.Pipeline;

/// <summary>The embedded engine assembled from a config: embedder, index, retriever, answerer, pipeline and target.</summary>
public sealed class RagEngine : IDisposable
{
    private RagEngine(OnnxEmbeddingGenerator? embedder, RagIndex index, RagPipeline pipeline, SystemIdentity identity)
    {
        Embedder = embedder;
        Index = index;
        Pipeline = pipeline;
        Target = new EmbeddedTarget(pipeline, identity);
    }

    /// <summary>The <see cref="SystemIdentity.EmbeddingModel"/> of an engine that retrieves with BM25 only.</summary>
    public const string NoEmbeddingModel = "none";

    /// <summary>
    /// The embedding model, also used by answer metrics; null when the config retrieves with BM25 only
    /// (<see cref="NeedsEmbeddingModel"/>), whose engine never loads or hashes the model.
    /// </summary>
    public OnnxEmbeddingGenerator? Embedder { get; }

    /// <summary>The index searched.</summary>
    public RagIndex Index { get; }

    /// <summary>The pipeline.</summary>
    public RagPipeline Pipeline { get; }

    /// <summary>The engine as an evaluation target.</summary>
    public IRagTarget Target { get; }

    /// <summary>
    /// Creates the embedder for a config; <paramref name="batchConcurrentQueries"/> off only to measure single-query runs,
    /// <paramref name="serving"/> for a server answering requests (the model's threads do not spin between runs).
    /// </summary>
    public static OnnxEmbeddingGenerator CreateEmbedder(EmbeddingSettings settings, bool batchConcurrentQueries = true, bool serving = false) => OnnxEmbeddingGenerator.Create(new EmbeddingOptions
    {
        BatchConcurrentQueries = batchConcurrentQueries,
        SpinBetweenRuns = !serving,
        Model = settings.Model,
        Threads = settings.Threads,
        BatchSize = settings.BatchSize,
        CacheDirectory = settings.Cache,
        Precision = Enum.Parse<EmbeddingPrecision>(settings.Precision, ignoreCase: true),
    });

    /// <summary>
    /// False when the config retrieves with BM25 only: then nothing the engine does needs the
    /// embedding model (the index holds no vectors and the extractive answerer scores passages by
    /// their terms), so it is never loaded.
    /// </summary>
    public static bool NeedsEmbeddingModel(RagGateConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ModeOf(config) != RetrievalMode.Bm25;
    }

    /// <summary>
    /// Opens (or builds) the configured index and assembles the engine; <paramref name="corpus"/> is the corpus when already read,
    /// <paramref name="serving"/> for a server (see <see cref="CreateEmbedder"/>).
    /// </summary>
    public static async Task<RagEngine> OpenAsync(
        RagGateConfig config, IngestionResult? corpus, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken = default, bool serving = false)
    {
        var embedder = NeedsEmbeddingModel(config) ? CreateEmbedder(config.Embedding, serving: serving) : null;
        try
        {
            var index = await IndexStore.OpenOrBuildAsync(config, corpus, embedder, progress, cancellationToken);
            return Create(config, embedder, index);
        }
        catch
        {
            embedder?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Assembles the engine over an index that is already loaded; <paramref name="embedder"/> may be
    /// null only for a BM25-only config, and is not used by one (its answers are scored by terms).
    /// </summary>
    public static RagEngine Create(RagGateConfig config, OnnxEmbeddingGenerator? embedder, RagIndex index)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(index);
        var mode = ModeOf(config);
        // One config, one answerer: a BM25 config answers by terms whether or not a caller holds a model.
        if (mode == RetrievalMode.Bm25)
        {
            embedder = null;
        }
        else if (embedder is null)
        {
            throw new ArgumentException($"{config.Retrieval.Mode} retrieval needs the embedding model", nameof(embedder));
        }

        var retriever = new Retriever(index, embedder, new RetrievalOptions
        {
            Mode = mode,
            Bm25K1 = config.Retrieval.K1,
            Bm25B = config.Retrieval.B,
            RrfK = config.Retrieval.RrfK,
        });
        var counter = TokenCounter.ForModel(config.Answer.GenerationModel);
        var options = AnswerOptionsFrom(config.Answer);
        var contextBuilder = new ContextBuilder(counter, options.MaxContextTokens);
        var chat = config.Answer.Answerer == AnswererNames.Chat
            ? ChatClientFactory.CreateOpenAICompatible(new Uri(config.Answer.ChatBaseUrl!), config.Answer.ChatModel!, config.Answer.ChatApiKeyEnv)
            : null;
        var answerer = AnswererFactory.Create(config.Answer.Answerer, options, embedder, chat, index.TermIdf);
        var pipeline = new RagPipeline(retriever, answerer, contextBuilder, config.Retrieval.TopK);
        return new RagEngine(embedder, index, pipeline, Identity(config, embedder, index));
    }

    /// <inheritdoc />
    public void Dispose() => Embedder?.Dispose();

    /// <summary>
    /// The most prompt tokens the configured answerer sends for <paramref name="question"/>: the rendered
    /// prompt with an empty context plus a full context of <c>max_context_tokens</c>, counted with the
    /// generation model's tokenizer. Nothing is retrieved or embedded.
    /// </summary>
    public static int MaxPromptTokens(RagGateConfig config, TokenCounter counter, string question)
    {
        var options = AnswerOptionsFrom(config.Answer);
        return counter.CountChat(PromptRenderer.Render(options, "", question)) + options.MaxContextTokens;
    }

    private static AnswerOptions AnswerOptionsFrom(AnswerSettings settings) => new()
    {
        GenerationModel = settings.GenerationModel,
        MinRelevance = settings.MinRelevance,
        Refusal = settings.Refusal,
        MaxContextTokens = settings.MaxContextTokens,
        MaxSentences = settings.MaxSentences,
        SystemPrompt = settings.SystemPrompt ?? AnswerOptions.DefaultSystemPrompt,
        PromptTemplate = settings.PromptTemplate ?? AnswerOptions.DefaultPromptTemplate,
    };

    private static RetrievalMode ModeOf(RagGateConfig config) => Enum.Parse<RetrievalMode>(config.Retrieval.Mode, ignoreCase: true);

    private static SystemIdentity Identity(RagGateConfig config, OnnxEmbeddingGenerator? embedder, RagIndex index)
    {
        var configText = File.Exists(config.Path) ? File.ReadAllText(config.Path) : config.ToString();
        return new SystemIdentity(
            config.Name,
            embedder?.Model.Id ?? NoEmbeddingModel,
            config.Answer.GenerationModel,
            config.Retrieval.Mode,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(configText))),
            index.ContentHash)
        {
            Properties = new Dictionary<string, string>
            {
                ["chunking"] = config.Chunking.Mode == "whole" ? "whole" : $"tokens {config.Chunking.MaxTokens}/{config.Chunking.Overlap}",
                ["top_k"] = config.Retrieval.TopK.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["answerer"] = config.Answer.Answerer,
                ["documents"] = index.Manifest.DocumentCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["chunks"] = index.Manifest.ChunkCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
    }
}
