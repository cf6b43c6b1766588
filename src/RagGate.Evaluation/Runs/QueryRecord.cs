namespace RagGate.Evaluation.Runs;

/// <summary>What was measured for one golden query.</summary>
public sealed class QueryRecord
{
    /// <summary>The query id (from the golden set, or its 1-based position).</summary>
    public string Id { get; set; } = "";

    /// <summary>The query text.</summary>
    public string Query { get; set; } = "";

    /// <summary>Optional category from the golden set.</summary>
    public string? Category { get; set; }

    /// <summary>Retrieved documents, best first.</summary>
    public List<RankedDocument> Retrieved { get; set; } = [];

    /// <summary>The context given to the generator.</summary>
    public string? Context { get; set; }

    /// <summary>The answer, when the run answered.</summary>
    public string? Answer { get; set; }

    /// <summary>
    /// True when the system declined to answer, false when it answered; null when it did not say
    /// (then the configured refusal markers decide).
    /// </summary>
    public bool? Refused { get; set; }

    /// <summary>Retrieval latency of each measured repetition, in milliseconds.</summary>
    public List<double> RetrievalLatencyMs { get; set; } = [];

    /// <summary>End-to-end (retrieve + answer) latency of each measured repetition, in milliseconds.</summary>
    public List<double> EndToEndLatencyMs { get; set; } = [];

    /// <summary>Prompt tokens of the answer.</summary>
    public int PromptTokens { get; set; }

    /// <summary>Completion tokens of the answer.</summary>
    public int CompletionTokens { get; set; }

    /// <summary>Tokens of the context alone.</summary>
    public int ContextTokens { get; set; }

    /// <summary>Set when the target failed for this query; the query then scores zero.</summary>
    public string? Error { get; set; }
}
