using System.Collections.Concurrent;
using FastBertTokenizer;

namespace RagGate.Engine.Embeddings;

/// <summary>
/// Thread-safe word-piece encoding over a pool of FastBertTokenizer instances (one instance is not
/// safe to share). Truncation is done here, not by the tokenizer, because an instance that once
/// encoded with a larger limit stops truncating at a smaller one.
/// </summary>
internal sealed class WordPieceTokenizer
{
    private readonly ConcurrentBag<BertTokenizer> _pool = [];
    private readonly string _vocabulary;
    private readonly bool _lowercase;

    public WordPieceTokenizer(string vocabulary, bool lowercase)
    {
        _vocabulary = vocabulary;
        _lowercase = lowercase;
        _pool.Add(CreateInstance());
    }

    /// <summary>The tokenizer of <paramref name="model"/>, from its vocabulary alone (the ONNX file is not read).</summary>
    public static WordPieceTokenizer For(EmbeddingModelInfo model) =>
        new(EmbeddingModelResources.LoadVocabulary(model), model.LowercaseInput);

    /// <summary>All word pieces of the text with [CLS] first and [SEP] last, untruncated.</summary>
    public long[] EncodeAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokenizer = _pool.TryTake(out var pooled) ? pooled : CreateInstance();
        try
        {
            // A word piece covers at least one character, so this limit never truncates.
            var (ids, _, _) = tokenizer.Encode(text, maximumTokens: text.Length + 2);
            return ids.ToArray(); // the returned memory is the tokenizer's reused buffer
        }
        finally
        {
            _pool.Add(tokenizer);
        }
    }

    /// <summary>Word pieces with [CLS] and [SEP], cut to <paramref name="maxTokens"/> as the model reads them.</summary>
    public long[] Encode(string text, int maxTokens) => Truncate(EncodeAll(text), maxTokens);

    /// <summary>Word pieces of the text without [CLS] and [SEP], untruncated.</summary>
    public int CountTokens(string text) => EncodeAll(text).Length - 2;

    /// <summary>Keeps the first <c>maxTokens - 1</c> pieces and ends with [SEP], like Hugging Face truncation.</summary>
    internal static long[] Truncate(long[] ids, int maxTokens)
    {
        if (ids.Length <= maxTokens)
        {
            return ids;
        }

        var cut = new long[maxTokens];
        ids.AsSpan(0, maxTokens - 1).CopyTo(cut);
        cut[^1] = ids[^1];
        return cut;
    }

    private BertTokenizer CreateInstance()
    {
        var tokenizer = new BertTokenizer();
        using var reader = new StringReader(_vocabulary);
        tokenizer.LoadVocabulary(reader, _lowercase);
        return tokenizer;
    }
}
