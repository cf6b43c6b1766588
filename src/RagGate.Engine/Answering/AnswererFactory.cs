using Microsoft.Extensions.AI;

namespace RagGate.Engine.Answering;

/// <summary>Creates the answerer <see cref="AnswerOptions.Answerer"/> names.</summary>
public static class AnswererFactory
{
    /// <summary>
    /// The answerer <paramref name="options"/> names. The extractive answerer scores passages with
    /// <paramref name="embeddings"/>, or by their terms when it is null; the chat answerer needs
    /// <paramref name="chatClient"/>. <paramref name="termWeight"/> is the corpus's weight of an
    /// analyzed term, for the extractive answerer's question coverage.
    /// </summary>
    public static IAnswerer Create(
        AnswerOptions options,
        IEmbeddingGenerator<string, Embedding<float>>? embeddings,
        IChatClient? chatClient,
        Func<string, double>? termWeight = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Answerer switch
        {
            AnswererKind.Chat => new ChatClientAnswerer(
                chatClient ?? throw new ArgumentException("the chat answerer needs a chat client", nameof(chatClient)),
                options),
            _ => new ExtractiveAnswerer(embeddings, options, termWeight),
        };
    }
}
