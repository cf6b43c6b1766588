namespace RagGate.Evaluation.Targets;

/// <summary>The identity of a system under test, recorded in every run so that two runs can be told apart.</summary>
/// <param name="Name">A short name for the system (for example <c>embedded</c> or a URL).</param>
/// <param name="EmbeddingModel">The embedding model id, when known.</param>
/// <param name="GenerationModel">The generation model id whose tokenizer and prices apply.</param>
/// <param name="Retriever">The retrieval mode (dense, bm25, hybrid) when known.</param>
/// <param name="ConfigHash">SHA-256 of the canonical configuration, when known.</param>
/// <param name="IndexHash">The index checksum, when known.</param>
public sealed record SystemIdentity(
    string Name,
    string? EmbeddingModel,
    string GenerationModel,
    string? Retriever,
    string? ConfigHash,
    string? IndexHash)
{
    /// <summary>A system nothing is known about: the default of a run or report read from an older or partial file.</summary>
    public static SystemIdentity Unknown => new("unknown", null, "none", null, null, null);

    /// <summary>Other facts worth recording (chunking, k, thresholds).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}
