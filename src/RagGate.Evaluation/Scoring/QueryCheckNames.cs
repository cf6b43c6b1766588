namespace RagGate.Evaluation.Scoring;

/// <summary>The names of the per-query checks <see cref="ScorecardBuilder"/> records in <see cref="QueryScore.Checks"/>.</summary>
public static class QueryCheckNames
{
    /// <summary>The target failed to answer (the run recorded an error).</summary>
    public const string Target = "target";

    /// <summary>A relevant document was retrieved.</summary>
    public const string Retrieval = "retrieval";

    /// <summary>The retrieved text holds every expected keyword.</summary>
    public const string Keywords = "keywords";

    /// <summary>The answer holds none of the query's forbidden phrases.</summary>
    public const string MustNotContain = "must_not_contain";

    /// <summary>An unanswerable query was refused.</summary>
    public const string Refusal = "refusal";

    /// <summary>An answerable query was answered, not refused.</summary>
    public const string Answered = "answered";

    /// <summary>The answer holds no hallucination marker.</summary>
    public const string HallucinationMarkers = "hallucination_markers";

    /// <summary>The answer holds at least one expected keyword.</summary>
    public const string AnswerKeywords = "answer_keywords";
}
