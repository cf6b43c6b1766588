using System.Diagnostics;
using RagGate.Engine.Answering;
using RagGate.Engine.Retrieval;
using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Pipeline;

/// <summary>
/// The embedded RAG pipeline: retrieve, build the context, answer, count tokens. Mirrors the
/// reference pipeline's <c>retrieve</c>, <c>query</c>, <c>query_with_usage</c> and <c>get_context</c>.
/// </summary>
public sealed class RagPipeline(Retriever retriever, IAnswerer answerer, ContextBuilder contextBuilder, int topK)
{
    /// <summary>Documents given to the answerer per query.</summary>
    public int TopK { get; } = topK;

    /// <summary>The top <paramref name="k"/> documents for a query, best first.</summary>
    public Task<IReadOnlyList<RetrievedDocument>> RetrieveAsync(string query, int k, CancellationToken cancellationToken = default) =>
        retriever.SearchAsync(query, k, cancellationToken);

    /// <summary>The answer text alone.</summary>
    public async Task<string> QueryAsync(string query, CancellationToken cancellationToken = default) =>
        (await QueryWithUsageAsync(query, cancellationToken)).Text;

    /// <summary>The answer with its sources, context, token usage and timings.</summary>
    public async Task<PipelineAnswer> QueryWithUsageAsync(string query, CancellationToken cancellationToken = default) =>
        (await AnswerWithRankingAsync(query, TopK, cancellationToken)).Answer;

    /// <summary>
    /// The answer and the ranking it was built from, from one retrieval: the top <c>max(k, TopK)</c>
    /// documents are retrieved once, the answer is built from the first <see cref="TopK"/> and the
    /// ranking is the first <paramref name="k"/>. The answer's retrieval latency times that one retrieval.
    /// </summary>
    public async Task<(PipelineAnswer Answer, IReadOnlyList<RetrievedDocument> Ranking)> AnswerWithRankingAsync(
        string query, int k, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var start = Stopwatch.GetTimestamp();
        var retrieved = await retriever.SearchAsync(query, Math.Max(k, TopK), cancellationToken);
        var retrieval = Stopwatch.GetElapsedTime(start);
        // A ranking is best first with ranks 1..n, so its top TopK are exactly what a retrieval at depth TopK returns.
        var documents = retrieved.Count <= TopK ? retrieved : [.. retrieved.Take(TopK)];
        var ranking = retrieved.Count <= k ? retrieved : [.. retrieved.Take(k)];
        var answer = await answerer.AnswerAsync(query, documents, cancellationToken);
        var result = new PipelineAnswer(answer.Text, documents, answer.Context, answer.Usage, answer.Refused, retrieval, Stopwatch.GetElapsedTime(start));
        return (result, ranking);
    }

    /// <summary>The context the answerer would receive for a query.</summary>
    public async Task<string> GetContextAsync(string query, CancellationToken cancellationToken = default) =>
        (await BuildContextAsync(query, cancellationToken)).Text;

    /// <summary>The context the answerer would receive for a query, with its token count and documents.</summary>
    public async Task<BuiltContext> BuildContextAsync(string query, CancellationToken cancellationToken = default) =>
        contextBuilder.Build(await retriever.SearchAsync(query, TopK, cancellationToken));
}
