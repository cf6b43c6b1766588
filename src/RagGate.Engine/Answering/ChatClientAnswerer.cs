using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Answering;

/// <summary>
/// Answers with a chat model over <see cref="IChatClient"/>: renders the prompt templates into a
/// system and a user message, and takes the token usage the model reports, counting it with the
/// generation model's tokenizer only when the model reports none.
/// </summary>
/// <remarks>
/// The client decides which model is called (see <see cref="ChatClientFactory"/>);
/// <see cref="AnswerOptions.GenerationModel"/> should name the same model, since its tokenizer
/// counts the context budget and its price applies.
/// </remarks>
public sealed partial class ChatClientAnswerer : IAnswerer
{
    private readonly IChatClient _client;
    private readonly AnswerPreparer _preparer;

    /// <summary>Creates the answerer over a chat client.</summary>
    public ChatClientAnswerer(IChatClient client, AnswerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _preparer = new AnswerPreparer(options);
        _client = client;
    }

    /// <inheritdoc />
    public string Name => AnswererNames.Chat;

    /// <summary>The options in force.</summary>
    public AnswerOptions Options => _preparer.Options;

    /// <inheritdoc />
    public async Task<Answer> AnswerAsync(string query, IReadOnlyList<RetrievedDocument> documents, CancellationToken cancellationToken = default)
    {
        var (context, prompt) = _preparer.Prepare(query, documents);
        var messages = prompt.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList();
        var response = await _client.GetResponseAsync(messages, options: null, cancellationToken);
        var text = response.Text.Trim();
        // The provider bills what it reports; count only what it leaves out.
        var promptTokens = ToInt(response.Usage?.InputTokenCount) ?? _preparer.Counter.CountChat(prompt);
        var completionTokens = ToInt(response.Usage?.OutputTokenCount) ?? _preparer.Counter.Count(text);
        var usage = new TokenUsage(promptTokens, completionTokens, context.Tokens);
        var citations = Citations(text, context.Documents);
        return new Answer(text, citations, IsRefusal(text), context.Text, context.Tokens, usage);
    }

    private bool IsRefusal(string text)
    {
        // Models often drop the final full stop or change case; the sentence itself must be there.
        var refusal = Options.Refusal.Trim().TrimEnd('.', '!', ' ');
        return text.Contains(refusal, StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> Citations(string text, IReadOnlyList<RetrievedDocument> included)
    {
        var ids = included.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        // Only ids that were in the context count as citations; anything else is invented.
        return [.. Citation().Matches(text)
            .Select(m => m.Groups[1].Value.Trim())
            .Where(ids.Contains)
            .Distinct(StringComparer.Ordinal)];
    }

    private static int? ToInt(long? count) => count is { } value ? checked((int)value) : null;

    [GeneratedRegex(@"\[([^\[\]\r\n]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Citation();
}
