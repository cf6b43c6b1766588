using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;

namespace RagGate.Evaluation.Cost;

/// <summary>
/// Counts tokens exactly as the configured generation model's tiktoken encoding does
/// (<c>o200k_base</c> or <c>cl100k_base</c>), so token and cost figures are real, never estimated.
/// </summary>
public sealed class TokenCounter
{
    /// <summary>The o200k_base encoding (gpt-4o, gpt-4.1, gpt-5, o-series).</summary>
    public const string O200kBase = "o200k_base";

    /// <summary>The cl100k_base encoding (gpt-4, gpt-3.5-turbo, text-embedding-3).</summary>
    public const string Cl100kBase = "cl100k_base";

    /// <summary>The model id of the embedded extractive answerer; it counts with o200k_base.</summary>
    public const string ExtractiveModel = "extractive";

    // OpenAI cookbook, "How to count tokens with tiktoken" (num_tokens_from_messages): for the
    // gpt-4o and gpt-4 families every message costs 3 framing tokens (<|start|>{role}<|message|>
    // ... <|end|>) besides the encoded role and content, and every reply is primed with 3 more
    // (<|start|>assistant<|message|>).
    private const int TokensPerMessage = 3;
    private const int TokensForReplyPriming = 3;

    // Longest prefix first, so gpt-4o- wins over gpt-4. Mirrors the prefixes that
    // Microsoft.ML.Tokenizers maps to these two encodings, plus the extractive answerer's id.
    private static readonly (string Prefix, string Encoding)[] Prefixes =
    [
        ("gpt-4o", O200kBase), ("gpt-4.1", O200kBase), ("gpt-4.5", O200kBase), ("gpt-5", O200kBase),
        ("gpt-oss", O200kBase), ("o1", O200kBase), ("o3", O200kBase), ("o4", O200kBase),
        (ExtractiveModel, O200kBase),
        ("gpt-4", Cl100kBase), ("gpt-3.5", Cl100kBase), ("gpt-35", Cl100kBase),
        ("text-embedding-3", Cl100kBase), ("text-embedding-ada-002", Cl100kBase),
    ];

    // Creating a tiktoken tokenizer loads a vocabulary of 100k-200k entries: do it once per encoding.
    private static readonly ConcurrentDictionary<string, Lazy<TiktokenTokenizer>> Tokenizers = new(StringComparer.Ordinal);

    private readonly TiktokenTokenizer _tokenizer;

    private TokenCounter(string model, string encoding, TiktokenTokenizer tokenizer)
    {
        Model = model;
        Encoding = encoding;
        _tokenizer = tokenizer;
    }

    /// <summary>The generation model this counter counts for.</summary>
    public string Model { get; }

    /// <summary>The tiktoken encoding name, for example <c>o200k_base</c>.</summary>
    public string Encoding { get; }

    /// <summary>
    /// The counter for a generation model, chosen by model name. Throws <see cref="InputException"/>
    /// for a model whose encoding is not known.
    /// </summary>
    public static TokenCounter ForModel(string generationModel)
    {
        ArgumentNullException.ThrowIfNull(generationModel);
        var encoding = EncodingFor(generationModel) ?? throw new InputException(
            $"generation model '{generationModel}': no tokenizer is known for it; expected a model whose name starts with "
            + string.Join(", ", Prefixes.Select(p => p.Prefix)) + $" ({O200kBase} or {Cl100kBase})");
        var tokenizer = Tokenizers.GetOrAdd(encoding, static e => new Lazy<TiktokenTokenizer>(
            () => TiktokenTokenizer.CreateForEncoding(e))).Value;
        return new TokenCounter(generationModel, encoding, tokenizer);
    }

    /// <summary>The model-name prefixes whose tokenizer is known, for error messages.</summary>
    public static string KnownModelPrefixes => string.Join(", ", Prefixes.Select(p => p.Prefix));

    /// <summary>The encoding a model name maps to, or null when none is known.</summary>
    public static string? EncodingFor(string generationModel)
    {
        ArgumentNullException.ThrowIfNull(generationModel);
        var name = generationModel.Trim().ToLowerInvariant();
        // Fine-tuned models are named ft:<base>:<org>::<id> and share the base model's encoding.
        if (name.StartsWith("ft:", StringComparison.Ordinal))
            name = name[3..];
        foreach (var (prefix, encoding) in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
                return encoding;
        }

        return null;
    }

    /// <summary>The number of tokens in <paramref name="text"/>.</summary>
    public int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.CountTokens(text);
    }

    /// <summary>
    /// Tokens of a chat prompt as the model bills it: the encoded role and content of every
    /// message, 3 framing tokens per message and 3 that prime the reply (OpenAI cookbook rule).
    /// </summary>
    public int CountChat(IReadOnlyList<(string Role, string Content)> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var total = TokensForReplyPriming;
        foreach (var (role, content) in messages)
            total += TokensPerMessage + Count(role) + Count(content);
        return total;
    }

    /// <summary>
    /// The longest prefix of <paramref name="text"/> that ends at a token boundary and counts at
    /// most <paramref name="maxTokens"/> tokens on its own.
    /// </summary>
    public string Truncate(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (maxTokens <= 0)
            return "";
        for (var budget = maxTokens; budget > 0; budget--)
        {
            var index = _tokenizer.GetIndexByTokenCount(text, budget, out _, out _);
            // Never split a surrogate pair: a lone half is not text.
            if (index > 0 && index < text.Length && char.IsHighSurrogate(text[index - 1]))
                index--;
            var prefix = text[..index];
            // Re-encoding a prefix can merge differently than the whole text did, so verify.
            if (Count(prefix) <= maxTokens)
                return prefix;
        }

        return "";
    }
}
