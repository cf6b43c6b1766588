namespace RagGate.Evaluation.Runs;

/// <summary>What was measured for one golden query.</summary>
public sealed class QueryRecord
{
    /// <summary>The query id from the golden set (given, or derived from the query text).</summary>
    public string Id { get; set; } = "";

    /// <summary>The query text; a comparison pairs queries by id and checks that this text matches.</summary>
    public string Query { get; set; } = "";

    /// <summary>Optional category from the golden set.</summary>
    public string? Category { get; set; }

    /// <summary>Retrieved documents, best first.</summary>
    public List<RankedDocument> Retrieved { get; set; } = [];

    /// <summary>
    /// The ids of the documents the answer was built from, best first, as the answering call returned them
    /// (the ranking in <see cref="Retrieved"/> comes from a separate, separately timed retrieval call).
    /// </summary>
    public List<string>? AnswerDocuments { get; set; }

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

    /// <summary>True when RagGate counted the tokens because the target reported no usage.</summary>
    public bool TokensEstimated { get; set; }

    /// <summary>Set when the target failed for this query; the query then scores zero.</summary>
    public string? Error { get; set; }

    /// <summary>Repetitions 2..n, when the run repeated queries; null with one repetition.</summary>
    public List<QueryAttempt>? Repeats { get; set; }

    /// <summary>Every repetition as a record of its own (repetition 1 is this record), for scoring each.</summary>
    public IEnumerable<QueryRecord> Repetitions()
    {
        yield return this;
        foreach (var attempt in Repeats ?? [])
        {
            yield return new QueryRecord
            {
                Id = Id,
                Query = Query,
                Category = Category,
                Retrieved = attempt.Retrieved,
                Context = attempt.Context,
                Answer = attempt.Answer,
                Refused = attempt.Refused,
                PromptTokens = attempt.PromptTokens,
                CompletionTokens = attempt.CompletionTokens,
                ContextTokens = attempt.ContextTokens,
                TokensEstimated = attempt.TokensEstimated,
                Error = attempt.Error,
                RetrievalLatencyMs = RetrievalLatencyMs,
                EndToEndLatencyMs = EndToEndLatencyMs,
            };
        }
    }
}
