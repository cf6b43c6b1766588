namespace RagGate.Evaluation.GoldenSets;

/// <summary>One query of a golden set with its judgments.</summary>
public sealed record GoldenQuery
{
    /// <summary>Unique id: given, or derived from the normalized text (<see cref="QueryIdentity.IdFor"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The query text.</summary>
    public required string Query { get; init; }

    /// <summary>Relevance grade per document id; grades above zero are relevant. Empty: unanswerable.</summary>
    public required IReadOnlyDictionary<string, int> Judgments { get; init; }

    /// <summary>Keywords an answer or its context should contain.</summary>
    public IReadOnlyList<string> ExpectedKeywords { get; init; } = [];

    /// <summary>Optional category, for per-category gates and tables.</summary>
    public string? Category { get; init; }

    /// <summary>Optional free tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Optional reference answer.</summary>
    public string? ReferenceAnswer { get; init; }

    /// <summary>Phrases the answer must not contain.</summary>
    public IReadOnlyList<string> MustNotContain { get; init; } = [];

    /// <summary>Where the query was defined (file:line), for error messages.</summary>
    public string? Source { get; init; }

    /// <summary>True when no document is relevant: a refusal is the correct answer.</summary>
    public bool IsUnanswerable => !Judgments.Values.Any(g => g > 0);
}
