namespace RagGate.Evaluation.Targets;

/// <summary>Tokens spent on one answer, counted with the generation model's tokenizer (or reported by it).</summary>
public sealed record TokenUsage(int PromptTokens, int CompletionTokens, int ContextTokens)
{
    /// <summary>True when RagGate counted the tokens itself because the target reported no usage.</summary>
    public bool Estimated { get; init; }

    /// <summary>Prompt plus completion tokens.</summary>
    public int TotalTokens => PromptTokens + CompletionTokens;

    /// <summary>No tokens.</summary>
    public static TokenUsage Zero { get; } = new(0, 0, 0);
}
