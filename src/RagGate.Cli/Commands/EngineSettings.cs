using RagGate.Evaluation;
using RagGate.Evaluation.Config;

namespace RagGate.Cli.Commands;

/// <summary>Merges a config file (when given) with command-line overrides for the engine commands.</summary>
internal static class EngineSettings
{
    public const string DefaultCache = ".raggate/embeddings";

    public static RagGateConfig Resolve(
        string? configPath, string? corpus, string? model, string? chunking, int? maxTokens, int? overlap, string? cache, int? threads)
    {
        var config = configPath is null
            ? new RagGateConfig { Path = Path.GetFullPath("raggate.yaml"), Embedding = new EmbeddingSettings { Cache = Path.GetFullPath(DefaultCache) } }
            : RagGateConfigLoader.Load(configPath);
        if (corpus is not null) config = config with { Corpus = Path.GetFullPath(corpus) };
        if (config.Corpus is null) throw new InputException("--corpus: missing; expected a folder of .md/.txt files, a JSONL file or a BEIR corpus.jsonl(.gz)");
        if (chunking is not null && chunking is not ("tokens" or "whole")) throw new InputException($"--chunking: '{chunking}' is not allowed; expected tokens or whole");

        var chunks = config.Chunking with
        {
            Mode = chunking ?? config.Chunking.Mode,
            MaxTokens = maxTokens ?? config.Chunking.MaxTokens,
            Overlap = overlap ?? config.Chunking.Overlap,
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
                Model = model ?? config.Embedding.Model,
                Cache = cache is null ? config.Embedding.Cache : Path.GetFullPath(cache),
                Threads = threads ?? config.Embedding.Threads,
            },
        };
    }
}
