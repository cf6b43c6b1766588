using System.Text.Json.Serialization;
using RagGate.Evaluation;

namespace RagGate.Engine.Chunking;

/// <summary>Chunk size and overlap, counted in the embedding model's word pieces.</summary>
public sealed record ChunkingOptions
{
    /// <summary>The smallest <see cref="MaxTokens"/> accepted: below it a chunk holds hardly a phrase.</summary>
    public const int SmallestMaxTokens = 8;

    /// <summary>The largest <see cref="MaxTokens"/> accepted, the longest input of a BERT-style model.</summary>
    public const int LargestMaxTokens = 512;

    /// <summary>Token-aware chunks (default) or whole documents.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<ChunkingMode>))]
    public ChunkingMode Mode { get; init; } = ChunkingMode.Tokens;

    /// <summary>The most word pieces one chunk may hold.</summary>
    public int MaxTokens { get; init; } = 128;

    /// <summary>Word pieces of trailing sentences or words repeated at the start of the next chunk.</summary>
    public int OverlapTokens { get; init; } = 16;

    /// <summary>
    /// The first value out of range, as its config field (<c>max_tokens</c>, <c>overlap</c>) and the
    /// sentence saying what is expected; null when all are in range. The config reader, the
    /// <c>index</c> command's flags and the chunker all check with this one rule.
    /// </summary>
    public (string Field, string Value, string Expected)? FindProblem()
    {
        if (MaxTokens is < SmallestMaxTokens or > LargestMaxTokens)
        {
            return ("max_tokens", $"{MaxTokens}", $"expected between {SmallestMaxTokens} and {LargestMaxTokens}");
        }

        if (OverlapTokens < 0 || OverlapTokens >= MaxTokens)
        {
            return ("overlap", $"{OverlapTokens}", $"expected at least 0 and less than max_tokens ({MaxTokens})");
        }

        return null;
    }

    /// <summary>Throws an <see cref="InputException"/> naming the field when a value is out of range.</summary>
    public void Validate()
    {
        if (FindProblem() is { } problem)
        {
            throw InputException.At("chunking", problem.Field, $"{problem.Value} is out of range; {problem.Expected}");
        }
    }
}
