using RagGate.Engine.Indexing;

namespace RagGate.Engine.Retrieval;

/// <summary>Retrieval mode and its parameters.</summary>
public sealed record RetrievalOptions
{
    /// <summary>Dense (default), BM25 or hybrid.</summary>
    public RetrievalMode Mode { get; init; } = RetrievalMode.Dense;

    /// <summary>Documents given to the answerer.</summary>
    public int TopK { get; init; } = 5;

    /// <summary>How the index stores and scores its vectors (exact fp32 by default).</summary>
    public VectorStorage Vectors { get; init; } = VectorStorage.Fp32;

    /// <summary>BM25 term-frequency saturation.</summary>
    public double Bm25K1 { get; init; } = Bm25Index.DefaultK1;

    /// <summary>BM25 length normalization.</summary>
    public double Bm25B { get; init; } = Bm25Index.DefaultB;

    /// <summary>The k of reciprocal rank fusion in hybrid mode.</summary>
    public int RrfK { get; init; } = RrfFusion.DefaultK;

    /// <summary>Chunks each ranking considers at first; more are scanned when they cover too few documents.</summary>
    public int CandidateChunks { get; init; } = 100;
}
