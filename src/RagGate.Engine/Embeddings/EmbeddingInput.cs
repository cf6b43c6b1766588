using Microsoft.Extensions.AI;

namespace RagGate.Engine.Embeddings;

/// <summary>
/// Marks what is being embedded. Asymmetric models (arctic-embed-xs) prefix queries but not
/// documents, so a retriever asks for query embeddings through these options.
/// </summary>
public static class EmbeddingInput
{
    /// <summary>The <see cref="EmbeddingGenerationOptions.AdditionalProperties"/> key that holds the input kind.</summary>
    public const string PropertyName = "raggate.input";

    /// <summary>The value for search queries.</summary>
    public const string QueryKind = "query";

    /// <summary>The value for documents and passages (the default).</summary>
    public const string DocumentKind = "document";

    /// <summary>Options that ask for query embeddings.</summary>
    public static EmbeddingGenerationOptions Query { get; } = new()
    {
        AdditionalProperties = new() { [PropertyName] = QueryKind },
    };

    /// <summary>True when the options ask for query embeddings.</summary>
    public static bool IsQuery(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties is { } properties
        && properties.TryGetValue(PropertyName, out var kind)
        && kind is string text
        && string.Equals(text, QueryKind, StringComparison.Ordinal);
}
