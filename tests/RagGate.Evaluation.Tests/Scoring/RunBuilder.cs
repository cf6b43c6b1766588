using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Runs;

namespace RagGate.Evaluation.Tests.Scoring;

/// <summary>Small hand-written runs and golden sets for scoring tests.</summary>
internal static class RunBuilder
{
    public static GoldenQuery Query(string id, string[] relevant, string[]? keywords = null, string? category = null, string[]? mustNotContain = null) => new()
    {
        Id = id,
        Query = $"question {id}",
        Judgments = relevant.ToDictionary(d => d, _ => 1),
        ExpectedKeywords = keywords ?? [],
        Category = category,
        MustNotContain = mustNotContain ?? [],
    };

    public static GoldenSet Golden(params GoldenQuery[] queries) => new("golden.json", "sha", queries);

    public static QueryRecord Record(string id, string[] ranked, string? answer = null, bool? refused = false, string[]? texts = null, double latency = 10) => new()
    {
        Id = id,
        Query = $"question {id}",
        Retrieved = ranked.Select((d, i) => new RankedDocument(d, 1.0 - (i * 0.1), i + 1) { Text = texts?[i] ?? $"text of {d}" }).ToList(),
        Answer = answer,
        Refused = refused,
        Context = texts is null ? string.Join("\n", ranked.Select(d => $"text of {d}")) : string.Join("\n", texts),
        RetrievalLatencyMs = [latency / 2],
        EndToEndLatencyMs = answer is null ? [] : [latency],
        PromptTokens = answer is null ? 0 : 100,
        CompletionTokens = answer is null ? 0 : 20,
        ContextTokens = answer is null ? 0 : 80,
    };

    public static Run Run(params QueryRecord[] records) => new() { Queries = [.. records] };
}
