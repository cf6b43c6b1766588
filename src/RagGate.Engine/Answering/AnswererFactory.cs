using Microsoft.Extensions.AI;
using RagGate.Evaluation;

namespace RagGate.Engine.Answering;

/// <summary>Creates an answerer by its configured name.</summary>
public static class AnswererFactory
{
    /// <summary>
    /// The answerer called <paramref name="name"/>. The extractive answerer scores passages with
    /// <paramref name="embeddings"/>, or by their terms when it is null; the chat answerer needs <paramref name="chatClient"/>.
    /// An unknown name throws <see cref="InputException"/>. <paramref name="termWeight"/> is the
    /// corpus's weight of an analyzed term, for the extractive answerer's question coverage.
    /// </summary>
    public static IAnswerer Create(
        string name,
        AnswerOptions options,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings,
        IChatClient? chatClient,
        Func<string, double>? termWeight = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            AnswererNames.Extractive => new ExtractiveAnswerer(embeddings, options, termWeight),
            AnswererNames.Chat => new ChatClientAnswerer(
                chatClient ?? throw InputException.At("answer options", "answerer",
                    "'chat' needs a chat model; expected base_url, model and api_key_env to be configured"),
                options),
            _ => throw InputException.At("answer options", "answerer",
                $"'{name}' is unknown; expected one of: {string.Join(", ", AnswererNames.All)}"),
        };
    }
}
