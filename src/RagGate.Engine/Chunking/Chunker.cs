using RagGate.Engine.Ingestion;
using RagGate.Evaluation;

namespace RagGate.Engine.Chunking;

/// <summary>
/// Cuts documents into chunks of at most <see cref="ChunkingOptions.MaxTokens"/> word pieces,
/// counted with the embedding model's own tokenizer. It packs whole paragraphs, then sentences,
/// then words; ends a chunk at a paragraph or sentence boundary where it can; and repeats the
/// trailing sentences (or words) worth at most <see cref="ChunkingOptions.OverlapTokens"/> at the
/// start of the next chunk.
/// </summary>
public sealed class Chunker
{
    private readonly ChunkingOptions _options;
    private readonly Func<string, int> _countTokens;

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

        var units = new UnitBuilder(text, _options.MaxTokens, _countTokens).Build();
        return new ChunkPacker(text, units, _options, _countTokens).Pack(document.Id);
    }
}
