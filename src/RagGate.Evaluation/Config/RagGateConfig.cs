namespace RagGate.Evaluation.Config;

/// <summary>
/// The contents of <c>raggate.yaml</c>: what to evaluate, how, and the gates a change must pass.
/// Paths are resolved against the config file's folder.
/// </summary>
public sealed record RagGateConfig
{
    /// <summary>The config file (absolute).</summary>
    public required string Path { get; init; }

    /// <summary>A short name for the system, shown in reports.</summary>
    public string Name { get; init; } = "rag";

    /// <summary>Corpus path for the embedded engine (absolute), or null.</summary>
    public string? Corpus { get; init; }

    /// <summary>Index folder for the embedded engine (absolute), or null.</summary>
    public string? Index { get; init; }

    /// <summary>Embedding settings.</summary>
    public EmbeddingSettings Embedding { get; init; } = new();

    /// <summary>Chunking settings.</summary>
    public ChunkingSettings Chunking { get; init; } = new();

    /// <summary>Retrieval settings.</summary>
    public RetrievalSettings Retrieval { get; init; } = new();

    /// <summary>Answer settings.</summary>
    public AnswerSettings Answer { get; init; } = new();

    /// <summary>The system under test.</summary>
    public TargetSettings Target { get; init; } = new();

    /// <summary>Evaluation settings.</summary>
    public EvalSettings Eval { get; init; } = new();

    /// <summary>Limits and switches of <c>raggate serve</c>.</summary>
    public ServerSettings Server { get; init; } = new();

    /// <summary>Thresholds.</summary>
    public IReadOnlyList<GateRule> Gates { get; init; } = [];

    /// <summary>Regression rules against a baseline.</summary>
    public IReadOnlyList<RegressionRule> Regressions { get; init; } = [];
}
