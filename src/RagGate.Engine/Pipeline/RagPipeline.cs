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
    public async Task<PipelineAnswer> QueryWithUsageAsync(string query, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var documents = await retriever.SearchAsync(query, TopK, cancellationToken);
        var retrieval = Stopwatch.GetElapsedTime(start);
        var answer = await answerer.AnswerAsync(query, documents, cancellationToken);
        return new PipelineAnswer(answer.Text, documents, answer.Context, answer.Usage, answer.Refused, retrieval, Stopwatch.GetElapsedTime(start));
    }

    /// <summary>The context the answerer would receive for a query.</summary>
    public async Task<string> GetContextAsync(string query, CancellationToken cancellationToken = default) =>
        (await BuildContextAsync(query, cancellationToken)).Text;

    /// <summary>The context the answerer would receive for a query, with its token count and documents.</summary>
    public async Task<BuiltContext> BuildContextAsync(string query, CancellationToken cancellationToken = default) =>
        contextBuilder.Build(await retriever.SearchAsync(query, TopK, cancellationToken));
}
