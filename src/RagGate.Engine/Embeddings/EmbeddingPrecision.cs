namespace RagGate.Engine.Embeddings;

/// <summary>The numeric precision an embedding model runs at.</summary>
public enum EmbeddingPrecision
{
    /// <summary>The shipped fp32 model, as published.</summary>
    Fp32,

    /// <summary>
    /// An int8 model built from the fp32 one at first use (int8 weights, activations quantized at run
    /// time, fused attention and layer norms), checked against fp32 before it is used.
    /// </summary>
    Int8,
}
