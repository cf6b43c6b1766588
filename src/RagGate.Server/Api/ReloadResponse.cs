namespace RagGate.Server.Api;

/// <summary>Response of <c>POST /admin/reload</c>: the index now served.</summary>
/// <param name="IndexHash">Checksum of the index swapped in.</param>
/// <param name="Documents">Its documents.</param>
/// <param name="Chunks">Its chunks.</param>
public sealed record ReloadResponse(string IndexHash, int Documents, int Chunks);
