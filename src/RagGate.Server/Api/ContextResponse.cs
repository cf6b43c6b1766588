namespace RagGate.Server.Api;

/// <summary>Response of <c>POST /context</c>: the context the answerer would receive (the reference pipeline's <c>get_context</c>).</summary>
/// <param name="Context">The context text: <c>[doc-id]</c> blocks, best first.</param>
/// <param name="ContextTokens">Its tokens, counted with the generation model's tokenizer.</param>
public sealed record ContextResponse(string Context, int ContextTokens);
