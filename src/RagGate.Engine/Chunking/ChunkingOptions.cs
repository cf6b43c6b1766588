using System.Text.Json.Serialization;
using RagGate.Evaluation;

namespace RagGate.Engine.Chunking;

/// <summary>Chunk size and overlap, counted in the embedding model's word pieces.</summary>
public sealed record ChunkingOptions
{
    /// <summary>Token-aware chunks (default) or whole documents.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<ChunkingMode>))]
    public ChunkingMode Mode { get; init; } = ChunkingMode.Tokens;

    /// <summary>The most word pieces one chunk may hold.</summary>
    public int MaxTokens { get; init; } = 128;

    /// <summary>Word pieces of trailing sentences or words repeated at the start of the next chunk.</summary>
    public int OverlapTokens { get; init; } = 16;

    /// <summary>Throws an <see cref="InputException"/> naming the field when a value is out of range.</summary>
    public void Validate()
    {
        if (MaxTokens <= 0)
        {
            throw InputException.At("chunking", "max_tokens", $"expected a positive number, found {MaxTokens}");
        }

        if (OverlapTokens < 0 || OverlapTokens >= MaxTokens)
        {
            throw InputException.At("chunking", "overlap_tokens",
                $"expected at least 0 and less than max_tokens ({MaxTokens}), found {OverlapTokens}");
        }
    }
}
