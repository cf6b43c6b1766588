namespace RagGate.Engine.Embeddings;

/// <summary>
/// Describes one sentence-embedding model: its shape, pooling, query prefix and where its ONNX file
/// and vocabulary live (embedded resources of a model package assembly).
/// </summary>
/// <param name="Id">The catalog id, such as <c>minilm-l6-v2</c>.</param>
/// <param name="Dimensions">Length of the produced vectors.</param>
/// <param name="MaxTokens">Most word pieces the model reads, [CLS] and [SEP] included.</param>
/// <param name="Pooling">How token vectors are pooled into one vector.</param>
/// <param name="QueryPrefix">Text put before queries (not documents), or null for symmetric models.</param>
/// <param name="ResourceAssembly">Name of the assembly that embeds <c>model.onnx</c> and <c>vocab.txt</c>.</param>
/// <param name="ResourcePrefix">Manifest resource name prefix of those files, ending with a dot.</param>
public sealed record EmbeddingModelInfo(
    string Id,
    int Dimensions,
    int MaxTokens,
    EmbeddingPooling Pooling,
    string? QueryPrefix,
    string ResourceAssembly,
    string ResourcePrefix)
{
    /// <summary>Name of the ONNX output that holds the per-token vectors.</summary>
    public string OutputName { get; init; } = "last_hidden_state";

    /// <summary>True for uncased vocabularies: input is lower-cased and accents are stripped.</summary>
    public bool LowercaseInput { get; init; } = true;

    /// <summary>Manifest resource name of the ONNX model file.</summary>
    public string ModelResourceName => ResourcePrefix + "model.onnx";

    /// <summary>Manifest resource name of the word-piece vocabulary.</summary>
    public string VocabularyResourceName => ResourcePrefix + "vocab.txt";
}
