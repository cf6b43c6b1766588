using RagGate.Cli.Hosting;
using RagGate.Engine.Configuration;
using RagGate.Engine.Embeddings;
using RagGate.Evaluation;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate index</c>: a config file (optional) and the engine settings that override it.</summary>
internal sealed record IndexCommandSettings : CommandSettings
{
    /// <summary>The embedding cache used when neither a config nor <c>--cache</c> names one.</summary>
    public const string DefaultCache = ".raggate/embeddings";

    /// <summary>raggate.yaml to take the settings (and the corpus) from, or null.</summary>
    public string? Config { get; init; }

    /// <summary>The corpus, overriding the config's.</summary>
    public string? Corpus { get; init; }

    /// <summary>The embedding model id, overriding the config's.</summary>
    public string? Model { get; init; }

    /// <summary><c>tokens</c> or <c>whole</c>, overriding the config's.</summary>
    public string? Chunking { get; init; }

    /// <summary>The largest chunk in word pieces, overriding the config's.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Word pieces shared by consecutive chunks, overriding the config's.</summary>
    public int? Overlap { get; init; }

    /// <summary>The embedding cache folder, overriding the config's.</summary>
    public string? Cache { get; init; }

    /// <summary>ONNX Runtime threads, overriding the config's.</summary>
    public int? Threads { get; init; }

    /// <summary>The index folder to write.</summary>
    public required string Out { get; init; }

    /// <inheritdoc />
    public override void Validate()
    {
        if (Chunking is not null && !EnginePolicies.ChunkingModes.TryGet(Chunking, out _))
        {
            throw new InputException($"--chunking: '{Chunking}' is not a registered {EnginePolicies.ChunkingModes.Kind}; {EnginePolicies.ChunkingModes.Expected}");
        }
    }

    /// <summary>The config file's settings (or the defaults) with these overrides on top; throws when the result cannot build an index.</summary>
    public RagGateConfig Resolve()
    {
        var config = Config is null
            ? RagGateConfig.Defaults("raggate.yaml") with { Engine = new EngineConfig { Embedding = new EmbeddingOptions { CacheDirectory = Path.GetFullPath(DefaultCache) } } }
            : RagGateConfigLoader.Load(Config);
        var engine = config.Engine;
        if (Corpus is not null) engine = engine with { Corpus = Path.GetFullPath(Corpus) };
        if (engine.Corpus is null) throw new InputException("--corpus: missing; expected a folder of .md/.txt files, a JSONL file or a BEIR corpus.jsonl(.gz)");

        var chunks = engine.Chunking with
        {
            Mode = Chunking is null ? engine.Chunking.Mode : EnginePolicies.ChunkingModes.Get(Chunking),
            MaxTokens = MaxTokens ?? engine.Chunking.MaxTokens,
            OverlapTokens = Overlap ?? engine.Chunking.OverlapTokens,
        };
        if (chunks.FindProblem() is { } problem)
        {
            throw new InputException($"--max-tokens/--overlap: {chunks.MaxTokens}/{chunks.OverlapTokens} is out of range; {problem.Field}: {problem.Expected}");
        }

        return config with
        {
            Engine = engine with
            {
                Chunking = chunks,
                Embedding = engine.Embedding with
                {
                    Model = Model ?? engine.Embedding.Model,
                    CacheDirectory = Cache is null ? engine.Embedding.CacheDirectory : Path.GetFullPath(Cache),
                    Threads = Threads ?? engine.Embedding.Threads,
                },
            },
        };
    }
}
