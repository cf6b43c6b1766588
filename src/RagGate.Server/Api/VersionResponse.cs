namespace RagGate.Server.Api;

/// <summary>Response of <c>GET /version</c>: what is running, so two revisions can be told apart.</summary>
/// <param name="Version">The tool version.</param>
/// <param name="GitSha">The git commit the server was built from, when known.</param>
/// <param name="EmbeddingModel">The embedding model id.</param>
/// <param name="IndexHash">The served index's checksum.</param>
/// <param name="ConfigHash">SHA-256 of the config file.</param>
/// <param name="GenerationModel">The generation model whose tokenizer counts tokens.</param>
/// <param name="Retriever">dense, bm25 or hybrid.</param>
public sealed record VersionResponse(
    string Version, string? GitSha, string? EmbeddingModel, string? IndexHash, string? ConfigHash, string GenerationModel, string? Retriever);
