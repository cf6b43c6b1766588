using System.Diagnostics.CodeAnalysis;
using RagGate.Evaluation.Metrics;

namespace RagGate.Evaluation.Scoring;

/// <summary>
/// Every metric RagGate can gate on, by canonical name. Retrieval metrics take a cutoff
/// (<c>recall@10</c>); the rest are fixed names.
/// </summary>
public static class MetricCatalog
{
    /// <summary>Share of expected keywords found in the top documents' text.</summary>
    public const string KeywordCoverage = "keyword_coverage";

    /// <summary>Share of answered queries whose answer holds at least one expected keyword.</summary>
    public const string AnswerKeywordHit = "answer_keyword_hit";

    /// <summary>Mean cosine similarity between query and answer embeddings.</summary>
    public const string AnswerRelevance = "answer_relevance";

    /// <summary>Share of answer sentences supported by the retrieved context (embedding similarity).</summary>
    public const string Groundedness = "groundedness";

    /// <summary>Share of answer sentences whose content words all appear in the context.</summary>
    public const string GroundednessLexical = "groundedness_lexical";

    /// <summary>Share of unanswerable queries that were refused.</summary>
    public const string RefusalAccuracy = "refusal_accuracy";

    /// <summary>Share of answerable queries that were answered (not refused).</summary>
    public const string AnswerRate = "answer_rate";

    /// <summary>Share of answers free of hallucination markers and forbidden phrases.</summary>
    public const string HallucinationFree = "hallucination_free";

    /// <summary>Share of queries that passed every check.</summary>
    public const string QueryPassRate = "query_pass_rate";

    /// <summary>Latency and cost names.</summary>
    public const string LatencyP50 = "latency_p50_ms", LatencyP95 = "latency_p95_ms", LatencyP99 = "latency_p99_ms",
        RetrievalP50 = "retrieval_p50_ms", RetrievalP95 = "retrieval_p95_ms", Throughput = "throughput_qps",
        TokensPerQuery = "tokens_per_query", TokensP95 = "tokens_p95", ContextTokens = "context_tokens",
        CostPerQuery = "cost_per_query", CostPer1000 = "cost_per_1k_queries";

    private static readonly Dictionary<string, MetricInfo> Fixed = new MetricInfo[]
    {
        new(KeywordCoverage, MetricKind.Answer, true, true, true, false, ""),
        new(AnswerKeywordHit, MetricKind.Answer, true, true, true, true, ""),
        new(AnswerRelevance, MetricKind.Answer, true, true, true, false, ""),
        new(Groundedness, MetricKind.Answer, true, true, true, false, ""),
        new(GroundednessLexical, MetricKind.Answer, true, true, true, false, ""),
        new(RefusalAccuracy, MetricKind.Answer, true, true, true, true, ""),
        new(AnswerRate, MetricKind.Answer, true, true, true, true, ""),
        new(HallucinationFree, MetricKind.Answer, true, true, true, true, ""),
        new(QueryPassRate, MetricKind.Answer, true, true, true, true, ""),
        new(LatencyP50, MetricKind.Latency, false, false, false, false, "ms"),
        new(LatencyP95, MetricKind.Latency, false, false, false, false, "ms"),
        new(LatencyP99, MetricKind.Latency, false, false, false, false, "ms"),
        new(RetrievalP50, MetricKind.Latency, false, false, false, false, "ms"),
        new(RetrievalP95, MetricKind.Latency, false, false, false, false, "ms"),
        new(Throughput, MetricKind.Latency, false, true, false, false, "qps"),
        new(TokensPerQuery, MetricKind.Cost, false, false, true, false, "tokens"),
        new(TokensP95, MetricKind.Cost, false, false, false, false, "tokens"),
        new(ContextTokens, MetricKind.Cost, false, false, true, false, "tokens"),
        new(CostPerQuery, MetricKind.Cost, false, false, true, false, "USD"),
        new(CostPer1000, MetricKind.Cost, false, false, false, false, "USD"),
    }.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Looks a metric up by name or alias (<c>hit_rate@10</c> is <c>success@10</c>).</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out MetricInfo? info)
    {
        if (Fixed.TryGetValue(name.Trim(), out info)) return true;
        info = ParseRetrieval(name.Trim());
        return info is not null;
    }

    /// <summary>
    /// Looks a metric up, or explains in <paramref name="error"/> what is wrong: the precise cutoff message for a
    /// retrieval family (<c>recall@0</c>, bare <c>recall</c>), the list of known names otherwise.
    /// </summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out MetricInfo? info, [NotNullWhen(false)] out string? error)
    {
        if (TryGet(name, out info))
        {
            error = null;
            return true;
        }

        var at = name.IndexOf('@', StringComparison.Ordinal);
        var family = (at < 0 ? name : name[..at]).Trim();
        error = RetrievalMetricNames.IsFamily(family) && !RetrievalMetricNames.TryParse(name.Trim(), out _, out var cutoffError)
            ? cutoffError
            : $"unknown metric '{name}'; expected one of: {Describe()}";
        return false;
    }

    /// <summary>Looks a metric up, or throws with the list of known names.</summary>
    public static MetricInfo Get(string name) =>
        TryGet(name, out var info) ? info : throw new InputException($"unknown metric '{name}'; expected one of: {Describe()}");

    /// <summary>The known names, for error messages.</summary>
    public static string Describe(bool perQueryOnly = false) =>
        string.Join(", ", new[] { "recall@k", "precision@k", "ndcg@k", "mrr", "mrr@k", "map", "map@k", "success@k" }
            .Concat(Fixed.Values.Where(m => !perQueryOnly || m.HasPerQueryValues).Select(m => m.Name)));

    // Retrieval names come from the one table the trec-eval code uses, so both accept the same names.
    private static MetricInfo? ParseRetrieval(string name) =>
        RetrievalMetricNames.TryParse(name, out var metric, out _)
            ? new MetricInfo(metric.Name, MetricKind.Retrieval, true, true, true, metric.Kind == RetrievalMetricKind.Success, "", metric.Cutoff)
            : null;
}
