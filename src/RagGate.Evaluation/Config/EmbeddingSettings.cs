namespace RagGate.Evaluation.Config;

/// <summary>Embedding settings of the embedded engine.</summary>
public sealed record EmbeddingSettings
{
    /// <summary>Model id from the catalog (<c>minilm-l6-v2</c>, <c>arctic-embed-xs</c>).</summary>
    public string Model { get; init; } = "minilm-l6-v2";

    /// <summary>ONNX Runtime intra-op threads; 0 uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>Texts per inference batch.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Model precision: <c>fp32</c> (the shipped model) or <c>int8</c> (built from it at first use).</summary>
    public string Precision { get; init; } = "fp32";

    /// <summary>Embedding cache folder (absolute), or null for none.</summary>
    public string? Cache { get; init; }
}
