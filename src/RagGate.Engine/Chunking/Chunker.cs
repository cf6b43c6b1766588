using RagGate.Engine.Ingestion;
using RagGate.Evaluation;

namespace RagGate.Engine.Chunking;

/// <summary>
/// Cuts documents into chunks of at most <see cref="ChunkingOptions.MaxTokens"/> word pieces,
/// counted with the embedding model's own tokenizer, and never more than the model reads: the
/// title prepended to every chunk (<see cref="Chunk.EmbeddingText"/>) and [CLS]/[SEP] count too. It packs whole paragraphs, then sentences,
/// then words; ends a chunk at a paragraph or sentence boundary where it can; and repeats the
/// trailing sentences (or words) worth at most <see cref="ChunkingOptions.OverlapTokens"/> at the
/// start of the next chunk.
/// </summary>
public sealed class Chunker
{
    // [CLS] and [SEP]: the model's maximum includes them, the token counter does not. Before this was
    // counted, 26 of the sample's 151 chunks ran past 256 pieces and 195 pieces were cut from their vectors.
    private const int SpecialTokens = 2;

    private readonly ChunkingOptions _options;
    private readonly Func<string, int> _countTokens;
    private readonly int _modelMaxTokens;

    /// <summary>
    /// Changes whenever the same settings cut a corpus differently, so a saved index built by an
    /// older chunker is rebuilt rather than reused (2: the title and [CLS]/[SEP] count).
    /// </summary>
    public const int Version = 2;

    /// <summary>Creates a chunker; <paramref name="modelMaxTokens"/> bounds the chunk size in token mode.</summary>
    public Chunker(ChunkingOptions options, Func<string, int> countTokens, int modelMaxTokens)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(countTokens);
        options.Validate();
        if (options.Mode == ChunkingMode.Tokens && options.MaxTokens > modelMaxTokens)
        {
            throw InputException.At("chunking", "max_tokens",
                $"expected at most {modelMaxTokens} (the embedding model's maximum), found {options.MaxTokens}");
        }

        _options = options;
        _countTokens = countTokens;
        _modelMaxTokens = modelMaxTokens;
    }

    /// <summary>The options this chunker applies.</summary>
    public ChunkingOptions Options => _options;

    /// <summary>Splits one document; every chunk's text is the exact slice of the document it names.</summary>
    public IReadOnlyList<Chunk> Split(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        if (_options.Mode == ChunkingMode.Whole)
        {
            return [new Chunk(document.Id, 0, 0, text.Length, text)];
        }

        var options = OptionsFor(document);
        var units = new UnitBuilder(text, options.MaxTokens, _countTokens).Build();
        return new ChunkPacker(text, units, options, _countTokens).Pack(document.Id);
    }

    /// <summary>
    /// The word pieces a chunk's text may hold in <paramref name="document"/>: the configured size,
    /// less what the title and the special tokens take when they would push it past the model's maximum.
    /// </summary>
    public int TextBudget(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // WordPiece splits at white space first, so "title text" counts as title plus text.
        var title = string.IsNullOrWhiteSpace(document.Title) ? 0 : _countTokens(document.Title);
        var room = _modelMaxTokens - SpecialTokens - title;
        if (room < 1)
        {
            throw InputException.At(document.Id, "title",
                $"expected a title shorter than the embedding model's {_modelMaxTokens} word pieces, found {title}");
        }

        return Math.Min(_options.MaxTokens, room);
    }

    private ChunkingOptions OptionsFor(Document document)
    {
        var budget = TextBudget(document);
        return budget >= _options.MaxTokens
            ? _options
            : _options with { MaxTokens = budget, OverlapTokens = Math.Min(_options.OverlapTokens, budget / 2) };
    }
}
