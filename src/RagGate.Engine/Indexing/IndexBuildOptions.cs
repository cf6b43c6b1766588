using RagGate.Engine.Embeddings;

namespace RagGate.Engine.Indexing;

/// <summary>What the index records about its model, and how many texts go to the embedder per call.</summary>
public sealed record IndexBuildOptions
{
    /// <summary>The embedding model id; when null, the generator's metadata names it.</summary>
    public string? ModelId { get; init; }

    /// <summary>SHA-256 of the model file, recorded in the manifest.</summary>
    public string? ModelHash { get; init; }

    /// <summary>The precision the embedding model ran at, recorded in the manifest.</summary>
    public EmbeddingPrecision Precision { get; init; } = EmbeddingPrecision.Fp32;

    /// <summary>How the index stores its vectors: fp32 (default), int8, or int8 with fp32 kept for rescoring.</summary>
    public VectorStorage Vectors { get; init; } = VectorStorage.Fp32;

    /// <summary>
    /// Folder where BM25 postings are kept by the hash of the texts they index, so a rebuild over
    /// unchanged texts skips the analysis; null builds them every time.
    /// </summary>
    public string? Bm25CacheDirectory { get; init; }

    /// <summary>Texts per embedding call; small enough that progress moves, large enough to batch well.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>The build time recorded in the manifest; when null, <see cref="TimeProvider.System"/>'s now.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
