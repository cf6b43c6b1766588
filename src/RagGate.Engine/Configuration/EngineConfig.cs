using RagGate.Engine.Answering;
using RagGate.Engine.Chunking;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Retrieval;

namespace RagGate.Engine.Configuration;

/// <summary>
/// What <c>raggate.yaml</c> says about the embedded engine: the corpus and index folder, and its
/// <c>embedding</c>, <c>chunking</c>, <c>retrieval</c> and <c>answer</c> sections, read straight into
/// the options the engine's parts take (each default is set once, on those options).
/// </summary>
public sealed record EngineConfig
{
    /// <summary>The corpus (absolute path), or null when only a saved index is opened.</summary>
    public string? Corpus { get; init; }

    /// <summary>The index folder (absolute path), or null to keep the index in memory only.</summary>
    public string? Index { get; init; }

    /// <summary>The embedding model, its precision, threads, batch size and cache.</summary>
    public EmbeddingOptions Embedding { get; init; } = new();

    /// <summary>How documents are cut into chunks.</summary>
    public ChunkingOptions Chunking { get; init; } = new();

    /// <summary>How queries find documents, and how many reach the answerer.</summary>
    public RetrievalOptions Retrieval { get; init; } = new();

    /// <summary>How answers are built.</summary>
    public AnswerOptions Answer { get; init; } = new();

    /// <summary>
    /// False when retrieval is BM25 only: then nothing the engine does needs the embedding model
    /// (the index holds no vectors and the extractive answerer scores passages by their terms), so
    /// it is never loaded.
    /// </summary>
    public bool NeedsEmbeddingModel => Retrieval.Mode != RetrievalMode.Bm25;
}
