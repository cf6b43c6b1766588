using System.Numerics.Tensors;

namespace RagGate.Engine.Embeddings;

/// <summary>Compares an int8 model's vectors with the fp32 model's on a fixed sample of texts.</summary>
internal static class Int8ModelCheck
{
    // Short and long, plain and technical, so every batch width and the truncation path are seen.
    private static readonly string[] Sample =
    [
        "How do I reset my password?",
        "The mitochondria is the powerhouse of the cell.",
        "Refunds are issued to the original payment method within five business days of approval.",
        "Vitamin D deficiency is associated with an increased risk of respiratory infections in adults.",
        "A 0.5 mg/kg dose of dexamethasone reduced the length of hospital stay (p < 0.01) in a randomized trial of 412 children.",
        "what is the capital of france",
        "Error 503: the upstream service is unavailable; retry with exponential backoff.",
        "Gene expression profiling of tumour samples identified three subtypes with distinct survival outcomes, "
            + "and the subtype with the highest immune infiltration responded best to checkpoint inhibitors. "
            + "These findings were replicated in an independent cohort of 1,204 patients across four centres.",
        string.Join(' ', Enumerable.Repeat("Long inputs are cut at the model's limit, and the cut must embed alike.", 60)),
        "Le chat est sur la table.",
        "SELECT id, name FROM users WHERE created_at > now() - interval '7 days';",
        "ok",
    ];

    /// <summary>The smallest cosine between the two models' vectors over the sample.</summary>
    public static float MinimumCosine(EmbeddingModelInfo model, WordPieceTokenizer tokenizer, byte[] fp32, byte[] int8, int threads) =>
        Cosines(model, tokenizer, fp32, int8, threads).Min();

    /// <summary>The cosine between the two models' vectors of each sample text.</summary>
    public static float[] Cosines(EmbeddingModelInfo model, WordPieceTokenizer tokenizer, byte[] fp32, byte[] int8, int threads)
    {
        var rows = Sample.Select(t => tokenizer.Encode(t, model.MaxTokens)).ToArray();
        using var reference = new OnnxEmbeddingRunner(model, fp32, threads);
        using var candidate = new OnnxEmbeddingRunner(model, int8, threads);
        var expected = reference.Run(rows, CancellationToken.None).Vectors;
        var actual = candidate.Run(rows, CancellationToken.None).Vectors;
        return expected.Zip(actual, (e, a) => TensorPrimitives.CosineSimilarity(e, a)).ToArray();
    }
}
