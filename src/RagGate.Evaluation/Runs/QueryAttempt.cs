namespace RagGate.Evaluation.Runs;

/// <summary>
/// What one later repetition of a query returned (repetition 1 lives in the <see cref="QueryRecord"/> itself),
/// so that answer checks are evaluated on every repetition of a system that answers differently each time.
/// </summary>
public sealed class QueryAttempt
{
    /// <summary>Retrieved documents, best first.</summary>
    public List<RankedDocument> Retrieved { get; set; } = [];

    /// <summary>The context given to the generator.</summary>
    public string? Context { get; set; }

    /// <summary>The answer, when the run answered.</summary>
    public string? Answer { get; set; }

    /// <summary>True when the system declined to answer.</summary>
    public bool Refused { get; set; }

    /// <summary>Prompt tokens of the answer.</summary>
    public int PromptTokens { get; set; }

    /// <summary>Completion tokens of the answer.</summary>
    public int CompletionTokens { get; set; }

    /// <summary>Tokens of the context alone.</summary>
    public int ContextTokens { get; set; }

    /// <summary>True when RagGate counted the tokens because the target reported no usage.</summary>
    public bool TokensEstimated { get; set; }

    /// <summary>Set when the target failed on this repetition.</summary>
    public string? Error { get; set; }
}
