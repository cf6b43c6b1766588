using RagGate.Engine.Answering;
using RagGate.Engine.Chunking;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Indexing;
using RagGate.Engine.Retrieval;

namespace RagGate.Engine.Configuration;

/// <summary>
/// The engine's named policies: the names <c>raggate.yaml</c> may use for each mode, and what
/// they stand for. The names are also what fingerprints, reports and messages print, so they
/// are spelled once, here.
/// </summary>
public static class EnginePolicies
{
    /// <summary><c>retrieval.mode</c>.</summary>
    public static PolicyRegistry<RetrievalMode> RetrievalModes { get; } =
        new("retrieval mode", ("dense", RetrievalMode.Dense), ("bm25", RetrievalMode.Bm25), ("hybrid", RetrievalMode.Hybrid));

    /// <summary><c>chunking.mode</c>.</summary>
    public static PolicyRegistry<ChunkingMode> ChunkingModes { get; } =
        new("chunking mode", ("tokens", ChunkingMode.Tokens), ("whole", ChunkingMode.Whole));

    /// <summary><c>retrieval.vectors</c>: how the index stores and scores its vectors.</summary>
    public static PolicyRegistry<VectorStorage> VectorStorages { get; } =
        new("vector storage", ("fp32", VectorStorage.Fp32), ("int8", VectorStorage.Int8), ("int8-rescore", VectorStorage.Int8Rescore));

    /// <summary><c>embedding.precision</c>.</summary>
    public static PolicyRegistry<EmbeddingPrecision> Precisions { get; } =
        new("embedding precision", ("fp32", EmbeddingPrecision.Fp32), ("int8", EmbeddingPrecision.Int8));

    /// <summary><c>answer.answerer</c>.</summary>
    public static PolicyRegistry<AnswererKind> Answerers { get; } =
        new("answerer", (AnswererNames.Extractive, AnswererKind.Extractive), (AnswererNames.Chat, AnswererKind.Chat));
}
