namespace RagGate.Engine.Indexing;

/// <summary>How an index stores its embeddings, and so how dense retrieval scores them.</summary>
public enum VectorStorage
{
    /// <summary>fp32 vectors, scored exactly (the default).</summary>
    Fp32,

    /// <summary>
    /// int8 codes with one scale per dimension, a quarter of fp32's bytes; scores are int8 estimates
    /// of the fp32 dot product, so close calls can change order.
    /// </summary>
    Int8,

    /// <summary>
    /// int8 codes scanned first, then the best candidates rescored with the fp32 vectors kept beside
    /// them: fp32's scores and order whenever fp32's top results are among the candidates.
    /// </summary>
    Int8Rescore,
}
