using RagGate.Cli.Hosting;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;

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
        if (Chunking is not null && Chunking is not ("tokens" or "whole")) throw new InputException($"--chunking: '{Chunking}' is not allowed; expected tokens or whole");
    }

    /// <summary>The config file's settings (or the defaults) with these overrides on top; throws when the result cannot build an index.</summary>
    public RagGateConfig Resolve()
    {
        var config = Config is null
            ? new RagGateConfig { Path = Path.GetFullPath("raggate.yaml"), Embedding = new EmbeddingSettings { Cache = Path.GetFullPath(DefaultCache) } }
            : RagGateConfigLoader.Load(Config);
        if (Corpus is not null) config = config with { Corpus = Path.GetFullPath(Corpus) };
        if (config.Corpus is null) throw new InputException("--corpus: missing; expected a folder of .md/.txt files, a JSONL file or a BEIR corpus.jsonl(.gz)");

        var chunks = config.Chunking with
        {
            Mode = Chunking ?? config.Chunking.Mode,
            MaxTokens = MaxTokens ?? config.Chunking.MaxTokens,
            Overlap = Overlap ?? config.Chunking.Overlap,
        };
        if (chunks.MaxTokens < 8 || chunks.Overlap < 0 || chunks.Overlap >= chunks.MaxTokens)
        {
            throw new InputException($"--max-tokens/--overlap: {chunks.MaxTokens}/{chunks.Overlap} is out of range; expected max-tokens >= 8 and 0 <= overlap < max-tokens");
        }

        return config with
        {
            Chunking = chunks,
            Embedding = config.Embedding with
            {
                Model = Model ?? config.Embedding.Model,
                Cache = Cache is null ? config.Embedding.Cache : Path.GetFullPath(Cache),
                Threads = Threads ?? config.Embedding.Threads,
            },
        };
    }
}
