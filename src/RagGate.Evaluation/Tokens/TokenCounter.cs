using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;

namespace RagGate.Evaluation.Tokens;

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

    // The end-of-text token's id tells the encodings apart: the tokenizer package chooses the
    // encoding for a model name, and this names what it chose.
    private static readonly Dictionary<int, string> EncodingByEndOfText = new() { [199_999] = O200kBase, [100_257] = Cl100kBase };

    // Loading a tiktoken vocabulary (100k-200k entries) is slow (o200k_base: 0.36 s CPU, measured in a
    // warm SciFact eval, which never counts a token): one tokenizer per model name, loaded at its first count.
    private static readonly ConcurrentDictionary<string, Lazy<TiktokenTokenizer>> Tokenizers = new(StringComparer.Ordinal);

    // The encoding a model name maps to, as the tokenizer package decides it, without its vocabulary.
    private static readonly ConcurrentDictionary<string, Lazy<string?>> Encodings = new(StringComparer.Ordinal);

    private readonly Lazy<TiktokenTokenizer> _tokenizer;

    private TokenCounter(string model, string encoding, Lazy<TiktokenTokenizer> tokenizer)
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
    /// The counter for a generation model, with the encoding the tokenizer package maps its name to
    /// (<see cref="TiktokenTokenizer.CreateForModel(string, IReadOnlyDictionary{string, int}?, Normalizer?)"/>).
    /// Throws <see cref="InputException"/> for a model whose encoding is not known.
    /// </summary>
    public static TokenCounter ForModel(string generationModel)
    {
        ArgumentNullException.ThrowIfNull(generationModel);
        var name = Normalize(generationModel);
        var encoding = EncodingOf(name) ?? throw new InputException(
            $"generation model '{generationModel}': no tokenizer is known for it; expected an OpenAI model name the tokenizer package maps "
            + $"to {O200kBase} or {Cl100kBase}, such as gpt-4o-mini, gpt-4.1, o3 or gpt-4");
        return new TokenCounter(generationModel, encoding, Tokenizers.GetOrAdd(name, static n => new Lazy<TiktokenTokenizer>(() => LoadVocabulary(n))));
    }

    /// <summary>Examples of model names whose tokenizer is known, for error messages (the tokenizer package decides).</summary>
    public static string KnownModelPrefixes => "gpt-4o, gpt-4.1, gpt-5, o1, o3, o4, gpt-4, gpt-3.5 (o200k_base or cl100k_base)";

    /// <summary>The encoding a model name maps to, or null when none is known.</summary>
    public static string? EncodingFor(string generationModel)
    {
        ArgumentNullException.ThrowIfNull(generationModel);
        return EncodingOf(Normalize(generationModel));
    }

    /// <summary>Whether the vocabulary for <paramref name="generationModel"/> has been loaded in this process (for tests).</summary>
    internal static bool IsVocabularyLoaded(string generationModel) =>
        Tokenizers.TryGetValue(Normalize(generationModel), out var tokenizer) && tokenizer.IsValueCreated;

    private static string Normalize(string generationModel)
    {
        var name = generationModel.Trim().ToLowerInvariant();
        // Fine-tuned models are named ft:<base>:<org>::<id> and share the base model's encoding.
        if (name.StartsWith("ft:", StringComparison.Ordinal))
            name = name[3..].Split(':')[0];
        return name;
    }

    private static string? EncodingOf(string name) => Encodings.GetOrAdd(name, static n => new Lazy<string?>(() => MapEncoding(n))).Value;

    private static string? MapEncoding(string name)
    {
        // The extractive answerer is ours, not the package's: it counts as gpt-4o does.
        if (name == ExtractiveModel) return O200kBase;
        TiktokenTokenizer mapping;
        try
        {
            // The package maps the name to its encoding's special tokens and reads the ranks from the stream given:
            // an empty one makes a tokenizer without a vocabulary (under 1 ms) whose end-of-text id names the encoding
            // the package chose. The vocabulary itself is read at the first count (LoadVocabulary).
            mapping = TiktokenTokenizer.CreateForModel(name, new MemoryStream());
        }
        catch (Exception e) when (e is NotSupportedException or ArgumentException or InvalidOperationException or FileNotFoundException)
        {
            // Unknown to the package.
            return null;
        }

        // An encoding other than these two (p50k, r50k) has no data package shipped, so it is not known here.
        var endOfText = mapping.SpecialTokens?.GetValueOrDefault("<|endoftext|>") ?? -1;
        return EncodingByEndOfText.GetValueOrDefault(endOfText);
    }

    private static TiktokenTokenizer LoadVocabulary(string name) =>
        name == ExtractiveModel ? TiktokenTokenizer.CreateForEncoding(O200kBase) : TiktokenTokenizer.CreateForModel(name);

    /// <summary>The number of tokens in <paramref name="text"/>.</summary>
    public int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.Value.CountTokens(text);
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
            var index = _tokenizer.Value.GetIndexByTokenCount(text, budget, out _, out _);
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
