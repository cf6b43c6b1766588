namespace RagGate.Evaluation.Config;

/// <summary>Retrieval settings of the embedded engine.</summary>
public sealed record RetrievalSettings
{
    /// <summary><c>dense</c>, <c>bm25</c> or <c>hybrid</c>.</summary>
    public string Mode { get; init; } = "dense";

    /// <summary>Documents given to the answerer.</summary>
    public int TopK { get; init; } = 5;

    /// <summary>BM25 term-frequency saturation.</summary>
    public double K1 { get; init; } = 0.9;

    /// <summary>BM25 length normalization.</summary>
    public double B { get; init; } = 0.4;

    /// <summary>
    /// How the index stores and scores its vectors: <c>fp32</c> (exact), <c>int8</c> (int8 codes
    /// only, scores estimated) or <c>int8-rescore</c> (int8 scan, fp32 rescoring of the best candidates).
    /// </summary>
    public string Vectors { get; init; } = "fp32";

    /// <summary>Reciprocal rank fusion constant.</summary>
    public int RrfK { get; init; } = 60;
}
