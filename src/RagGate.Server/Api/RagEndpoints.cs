using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using RagGate.Evaluation.Targets;
using RagGate.Server.Faults;
using RagGate.Server.Hardening;
using RagGate.Server.Hosting;
using RagGate.Server.Observability;

namespace RagGate.Server.Api;

/// <summary>
/// The RAG API: <c>POST /retrieve</c> and <c>POST /answer</c> exactly as docs/http-target.md
/// describes them, and <c>POST /context</c>. Rate limited; each request holds the engine it
/// started on, so a reload never drops it.
/// </summary>
internal static class RagEndpoints
{
    public static RouteGroupBuilder MapRagApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("RAG").RequireRateLimiting(RateLimiting.ApiPolicy);
        if (routes.ServiceProvider.GetService<FaultInjector>() is not null) group.AddEndpointFilter<FaultFilter>();
        group.MapPost("/retrieve", RetrieveAsync).WithName("Retrieve").WithSummary("The top k documents for a query, best first.");
        group.MapPost("/answer", AnswerAsync).WithName("Answer").WithSummary("Retrieve, build the context, answer with citations and token usage; with k, also the ranking the answer was built from.");
        group.MapPost("/context", ContextAsync).WithName("Context").WithSummary("The context the answerer would receive for a query.");
        return group;
    }

    private static async Task<Results<Ok<HttpRetrieveResponse>, ValidationProblem, ProblemHttpResult>> RetrieveAsync(
        HttpRetrieveRequest request, QueryValidator validator, EngineHost host, ServerMetrics metrics, CancellationToken cancellationToken)
    {
        if (validator.Check(request.Query, request.K) is { } errors) return TypedResults.ValidationProblem(errors);
        using var lease = host.TryAcquire();
        if (lease is null) return Problems.NotReady();
        var start = Stopwatch.GetTimestamp();
        var documents = await lease.Engine.Pipeline.RetrieveAsync(request.Query, request.K, cancellationToken);
        metrics.Retrieved(Stopwatch.GetElapsedTime(start));
        return TypedResults.Ok(new HttpRetrieveResponse(documents));
    }

    private static async Task<Results<Ok<HttpAnswerResponse>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        HttpAnswerRequest request, QueryValidator validator, EngineHost host, ServerMetrics metrics, CancellationToken cancellationToken)
    {
        if (validator.Check(request.Query, request.K) is { } errors) return TypedResults.ValidationProblem(errors);
        using var lease = host.TryAcquire();
        if (lease is null) return Problems.NotReady();
        var pipeline = lease.Engine.Pipeline;
        // With k, one retrieval at depth max(k, top_k) gives both the answer's documents and the ranking returned.
        var (answer, ranking) = request.K is { } k
            ? await pipeline.AnswerWithRankingAsync(request.Query, k, cancellationToken)
            : (await pipeline.QueryWithUsageAsync(request.Query, cancellationToken), null);
        metrics.Retrieved(answer.RetrievalLatency);
        metrics.Answered(answer.TotalLatency, answer.Usage, answer.Refused);
        var usage = new HttpUsage(answer.Usage.PromptTokens, answer.Usage.CompletionTokens, answer.Usage.ContextTokens);
        return TypedResults.Ok(new HttpAnswerResponse(answer.Text, answer.Sources, answer.Context, usage, answer.Refused, answer.RetrievalLatency.TotalMilliseconds, ranking));
    }

    private static async Task<Results<Ok<ContextResponse>, ValidationProblem, ProblemHttpResult>> ContextAsync(
        HttpAnswerRequest request, QueryValidator validator, EngineHost host, CancellationToken cancellationToken)
    {
        if (validator.Check(request.Query) is { } errors) return TypedResults.ValidationProblem(errors);
        using var lease = host.TryAcquire();
        if (lease is null) return Problems.NotReady();
        var context = await lease.Engine.Pipeline.BuildContextAsync(request.Query, cancellationToken);
        return TypedResults.Ok(new ContextResponse(context.Text, context.Tokens));
    }
}
