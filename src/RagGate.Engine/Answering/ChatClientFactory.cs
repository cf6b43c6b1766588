using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using RagGate.Evaluation;

namespace RagGate.Engine.Answering;

/// <summary>Creates chat clients for answerers.</summary>
public static class ChatClientFactory
{
    /// <summary>
    /// A chat client for any OpenAI-compatible chat-completions API at <paramref name="baseUrl"/>
    /// (for example <c>https://host/v1</c>), with the API key read from the environment variable
    /// <paramref name="apiKeyEnvironmentVariable"/>; a missing variable throws <see cref="InputException"/>.
    /// </summary>
    public static IChatClient CreateOpenAICompatible(Uri baseUrl, string model, string apiKeyEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKeyEnvironmentVariable);
        var key = Environment.GetEnvironmentVariable(apiKeyEnvironmentVariable);
        if (string.IsNullOrEmpty(key))
            throw new InputException($"environment variable {apiKeyEnvironmentVariable} is not set; expected the API key for {baseUrl}");
        var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = baseUrl });
        return client.GetChatClient(model).AsIChatClient();
    }
}
