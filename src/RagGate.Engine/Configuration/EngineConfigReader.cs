using RagGate.Engine.Answering;
using RagGate.Engine.Chunking;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Retrieval;
using RagGate.Evaluation.Config;

namespace RagGate.Engine.Configuration;

/// <summary>
/// Reads the engine's part of <c>raggate.yaml</c> (<c>corpus</c>, <c>index</c>, <c>embedding</c>,
/// <c>chunking</c>, <c>retrieval</c>, <c>answer</c>) into <see cref="EngineConfig"/>. Every mode is a
/// name checked against <see cref="EnginePolicies"/>; every error is one line naming the file, the
/// line and the field. Unknown fields inside these sections are rejected here; the root's are
/// rejected by whoever reads the other sections too (<see cref="RagGateConfigLoader"/>).
/// </summary>
public static class EngineConfigReader
{
    /// <summary>Reads the engine's sections of <paramref name="root"/>; relative paths resolve against <paramref name="baseDirectory"/>.</summary>
    public static EngineConfig Read(YamlSection root, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(root);
        string? Resolve(string? path) => path is null ? null : Path.GetFullPath(Path.Combine(baseDirectory, path));
        return new EngineConfig
        {
            Corpus = Resolve(root.PathString("corpus")),
            Index = Resolve(root.PathString("index")),
            Embedding = ReadSection<EmbeddingOptions>(root, "embedding", (s, defaults) => ReadEmbedding(s, defaults, Resolve)),
            Chunking = ReadSection<ChunkingOptions>(root, "chunking", ReadChunking),
            Retrieval = ReadSection<RetrievalOptions>(root, "retrieval", ReadRetrieval),
            Answer = ReadSection<AnswerOptions>(root, "answer", ReadAnswer),
        };
    }

    /// <summary>The policy <paramref name="key"/> names in <paramref name="registry"/>, or <paramref name="fallback"/> when absent.</summary>
    public static T Policy<T>(this YamlSection section, string key, PolicyRegistry<T> registry, T fallback)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(registry);
        var name = section.String(key, registry.NameOf(fallback))!;
        return registry.TryGet(name, out var policy)
            ? policy
            : throw section.Error(key, $"'{name}' is not a registered {registry.Kind}; {registry.Expected}");
    }

    // An absent section keeps the options' defaults; a present one is read over them, then any of its
    // fields that was not read is rejected.
    private static T ReadSection<T>(YamlSection root, string key, Func<YamlSection, T, T> read)
        where T : new()
    {
        var defaults = new T();
        if (root.Section(key) is not { } section) return defaults;
        var options = read(section, defaults);
        section.RejectUnknownFields();
        return options;
    }

    private static EmbeddingOptions ReadEmbedding(YamlSection s, EmbeddingOptions defaults, Func<string?, string?> resolve)
    {
        var model = s.String("model", defaults.Model)!;
        if (!EmbeddingModelCatalog.All.Any(m => string.Equals(m.Id, model, StringComparison.OrdinalIgnoreCase)))
        {
            throw s.Error("model", $"'{model}' is not an embedding model; expected one of: {string.Join(", ", EmbeddingModelCatalog.All.Select(m => m.Id))}");
        }

        return defaults with
        {
            Model = model,
            Threads = s.Int("threads", defaults.Threads, 0, 256),
            BatchSize = s.Int("batch_size", defaults.BatchSize, 1, 4096),
            Precision = s.Policy("precision", EnginePolicies.Precisions, defaults.Precision),
            CacheDirectory = resolve(s.PathString("cache")),
        };
    }

    private static ChunkingOptions ReadChunking(YamlSection s, ChunkingOptions defaults)
    {
        var options = defaults with
        {
            Mode = s.Policy("mode", EnginePolicies.ChunkingModes, defaults.Mode),
            MaxTokens = s.Int("max_tokens", defaults.MaxTokens, ChunkingOptions.SmallestMaxTokens, ChunkingOptions.LargestMaxTokens),
            OverlapTokens = s.Int("overlap", defaults.OverlapTokens, 0, ChunkingOptions.LargestMaxTokens / 2),
        };
        if (options.FindProblem() is { } problem)
        {
            throw s.Error(problem.Field, $"{problem.Value} is out of range; {problem.Expected}");
        }

        return options;
    }

    private static RetrievalOptions ReadRetrieval(YamlSection s, RetrievalOptions defaults)
    {
        return defaults with
        {
            Mode = s.Policy("mode", EnginePolicies.RetrievalModes, defaults.Mode),
            TopK = s.Int("top_k", defaults.TopK, 1, 1000),
            Bm25K1 = s.Number("k1", defaults.Bm25K1, 0, 10),
            Bm25B = s.Number("b", defaults.Bm25B, 0, 1),
            RrfK = s.Int("rrf_k", defaults.RrfK, 1, 10_000),
            Vectors = s.Policy("vectors", EnginePolicies.VectorStorages, defaults.Vectors),
        };
    }

    private static AnswerOptions ReadAnswer(YamlSection s, AnswerOptions defaults)
    {
        var options = defaults with
        {
            Answerer = s.Policy("answerer", EnginePolicies.Answerers, defaults.Answerer),
            GenerationModel = s.String("generation_model", defaults.GenerationModel)!,
            MinRelevance = s.Number("min_relevance", defaults.MinRelevance, -1, 1),
            Refusal = s.String("refusal", defaults.Refusal)!,
            MaxContextTokens = s.Int("max_context_tokens", defaults.MaxContextTokens, 16, 1_000_000),
            MaxSentences = s.Int("max_sentences", defaults.MaxSentences, 1, 50),
            SystemPrompt = s.String("system_prompt", defaults.SystemPrompt)!,
            PromptTemplate = s.String("prompt_template", defaults.PromptTemplate)!,
            Chat = ReadChat(s.Section("chat")),
        };
        if (options.Answerer == AnswererKind.Chat && options.Chat is null)
        {
            throw s.Error("chat", "the chat answerer needs chat.base_url and chat.model");
        }

        return options;
    }

    private static ChatEndpoint? ReadChat(YamlSection? s)
    {
        if (s is null) return null;
        var baseUrl = s.String("base_url");
        var model = s.String("model");
        var keyEnv = s.String("api_key_env", ChatEndpoint.DefaultApiKeyEnv)!;
        s.RejectUnknownFields();
        if (baseUrl is null || model is null) return null;
        return Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new ChatEndpoint(uri, model, keyEnv)
            : throw s.Error("base_url", $"'{baseUrl}' is not an http(s) URL; expected for example http://127.0.0.1:8080/v1");
    }
}
