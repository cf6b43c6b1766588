namespace RagGate.Engine.Answering;

/// <summary>Where the <c>chat</c> answerer sends its prompts: an OpenAI-compatible chat-completions endpoint.</summary>
/// <param name="BaseUrl">The endpoint's base URL.</param>
/// <param name="Model">The model name sent with each request.</param>
/// <param name="ApiKeyEnv">The environment variable holding the API key.</param>
public sealed record ChatEndpoint(Uri BaseUrl, string Model, string ApiKeyEnv = ChatEndpoint.DefaultApiKeyEnv)
{
    /// <summary>The environment variable read for the key unless configured otherwise.</summary>
    public const string DefaultApiKeyEnv = "OPENAI_API_KEY";
}
