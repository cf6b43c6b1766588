namespace RagGate.Evaluation.Config;

/// <summary>Chunking settings of the embedded engine.</summary>
public sealed record ChunkingSettings
{
    /// <summary><c>tokens</c> (token-aware chunks) or <c>whole</c> (one chunk per document).</summary>
    public string Mode { get; init; } = "tokens";

    /// <summary>Largest chunk, in the embedding model's word pieces.</summary>
    public int MaxTokens { get; init; } = 128;

    /// <summary>Word pieces carried over between consecutive chunks.</summary>
    public int Overlap { get; init; } = 16;
}
