namespace RagGate.Engine.Chunking;

/// <summary>How documents are cut into chunks.</summary>
public enum ChunkingMode
{
    /// <summary>Token-aware chunks of at most <see cref="ChunkingOptions.MaxTokens"/> word pieces.</summary>
    Tokens,

    /// <summary>One chunk per document; the embedder truncates it at the model's maximum (BEIR parity).</summary>
    Whole,
}
