using System.Security.Cryptography;
using System.Text;
using RagGate.Engine.Answering;
using RagGate.Engine.Chunking;
using RagGate.Engine.Configuration;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Indexing;
using RagGate.Engine.Ingestion;
using RagGate.Engine.Retrieval;
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
    /// (<see cref="EngineConfig.NeedsEmbeddingModel"/>), whose engine never loads or hashes the model.
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
    public static OnnxEmbeddingGenerator CreateEmbedder(EmbeddingOptions options, bool batchConcurrentQueries = true, bool serving = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        return OnnxEmbeddingGenerator.Create(options with { BatchConcurrentQueries = batchConcurrentQueries, SpinBetweenRuns = !serving });
    }

    /// <summary>
    /// Opens (or builds) the configured index and assembles the engine; <paramref name="corpus"/> is the corpus when already read,
    /// <paramref name="serving"/> for a server (see <see cref="CreateEmbedder"/>).
    /// </summary>
    public static async Task<RagEngine> OpenAsync(
        RagGateConfig config, IngestionResult? corpus, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken = default, bool serving = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        var embedder = config.Engine.NeedsEmbeddingModel ? CreateEmbedder(config.Engine.Embedding, serving: serving) : null;
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
        var engine = config.Engine;
        // One config, one answerer: a BM25 config answers by terms whether or not a caller holds a model.
        if (!engine.NeedsEmbeddingModel)
        {
            embedder = null;
        }
        else if (embedder is null)
        {
            throw new ArgumentException($"{EnginePolicies.RetrievalModes.NameOf(engine.Retrieval.Mode)} retrieval needs the embedding model", nameof(embedder));
        }

        var retriever = new Retriever(index, embedder, engine.Retrieval);
        var answer = engine.Answer;
        var counter = TokenCounter.ForModel(answer.GenerationModel);
        var contextBuilder = new ContextBuilder(counter, answer.MaxContextTokens);
        var chat = answer is { Answerer: AnswererKind.Chat, Chat: { } endpoint }
            ? ChatClientFactory.CreateOpenAICompatible(endpoint.BaseUrl, endpoint.Model, endpoint.ApiKeyEnv)
            : null;
        var answerer = AnswererFactory.Create(answer, embedder, chat, index.TermIdf);
        var pipeline = new RagPipeline(retriever, answerer, contextBuilder, engine.Retrieval.TopK);
        return new RagEngine(embedder, index, pipeline, Identity(config, embedder, index));
    }

    /// <inheritdoc />
    public void Dispose() => Embedder?.Dispose();

    /// <summary>
    /// The most prompt tokens the configured answerer sends for <paramref name="question"/>: the rendered
    /// prompt with an empty context plus a full context of <c>max_context_tokens</c>, counted with the
    /// generation model's tokenizer. Nothing is retrieved or embedded.
    /// </summary>
    public static int MaxPromptTokens(AnswerOptions options, TokenCounter counter, string question)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(counter);
        return counter.CountChat(PromptRenderer.Render(options, "", question)) + options.MaxContextTokens;
    }

    private static SystemIdentity Identity(RagGateConfig config, OnnxEmbeddingGenerator? embedder, RagIndex index)
    {
        var configText = File.Exists(config.Path) ? File.ReadAllText(config.Path) : config.ToString();
        var engine = config.Engine;
        return new SystemIdentity(
            config.Evaluation.Name,
            embedder?.Model.Id ?? NoEmbeddingModel,
            engine.Answer.GenerationModel,
            EnginePolicies.RetrievalModes.NameOf(engine.Retrieval.Mode),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(configText))),
            index.ContentHash)
        {
            Properties = new Dictionary<string, string>
            {
                ["chunking"] = engine.Chunking.Mode == ChunkingMode.Whole ? "whole" : $"tokens {engine.Chunking.MaxTokens}/{engine.Chunking.OverlapTokens}",
                ["top_k"] = engine.Retrieval.TopK.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["answerer"] = EnginePolicies.Answerers.NameOf(engine.Answer.Answerer),
                ["documents"] = index.Manifest.DocumentCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["chunks"] = index.Manifest.ChunkCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
    }
}
