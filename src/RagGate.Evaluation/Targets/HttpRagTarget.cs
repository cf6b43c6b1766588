using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RagGate.Evaluation.Tokens;

namespace RagGate.Evaluation.Targets;

/// <summary>
/// Any RAG service that speaks RagGate's JSON contract: <c>POST {base}/retrieve</c> with
/// <c>{"query","k"}</c> and <c>POST {base}/answer</c> with <c>{"query"}</c>, or <c>{"query","k"}</c> for the
/// ranking the answer was built from (see docs/http-target.md).
/// </summary>
public sealed class HttpRagTarget : IRagTarget, IDisposable
{
    private readonly HttpClient _http;
    private readonly Lazy<TokenCounter> _counter;

    /// <summary>Creates a target for the service at <paramref name="baseUrl"/>.</summary>
    /// <param name="baseUrl">The service's base URL.</param>
    /// <param name="timeout">Per-request timeout.</param>
    /// <param name="name">The system's name in reports.</param>
    /// <param name="generationModel">The generation model whose tokenizer counts tokens an answer reports no usage for.</param>
    /// <param name="handler">The HTTP handler, or null for the default.</param>
    /// <param name="usageRequired">When true, an answer without <c>usage</c> is the service's failure instead of being counted.</param>
    public HttpRagTarget(Uri baseUrl, TimeSpan timeout, string name, string generationModel, HttpMessageHandler? handler = null, bool usageRequired = false)
    {
        _counter = new Lazy<TokenCounter>(() => TokenCounter.ForModel(generationModel));
        UsageRequired = usageRequired;
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = root;
        _http.Timeout = timeout;
        Identity = new SystemIdentity(name, null, generationModel, null, null, null) { Properties = new Dictionary<string, string> { ["url"] = root.AbsoluteUri } };
    }

    /// <inheritdoc />
    public SystemIdentity Identity { get; }

    /// <summary>True when an answer without <c>usage</c> fails the query (<c>target.usage: required</c>).</summary>
    public bool UsageRequired { get; }

    /// <inheritdoc />
    public async Task<RetrievalResult> RetrieveAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync("retrieve", new HttpRetrieveRequest(query, k), HttpTargetJsonContext.Default.HttpRetrieveRequest, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await ReadAsync(response, HttpTargetJsonContext.Default.HttpRetrieveResponse, "retrieve", cancellationToken);
        return new RetrievalResult(body.Documents);
    }

    /// <inheritdoc />
    public Task<AnswerResult> AnswerAsync(string query, CancellationToken cancellationToken = default) =>
        AnswerAsync(new HttpAnswerRequest(query), cancellationToken);

    /// <inheritdoc />
    /// <remarks>A service that ignores <c>k</c> answers without <c>ranking</c>; the result's ranking is then null.</remarks>
    public Task<AnswerResult> AnswerAsync(string query, int k, CancellationToken cancellationToken = default) =>
        AnswerAsync(new HttpAnswerRequest(query, k), cancellationToken);

    private async Task<AnswerResult> AnswerAsync(HttpAnswerRequest request, CancellationToken cancellationToken)
    {
        var query = request.Query;
        using var response = await _http.PostAsJsonAsync("answer", request, HttpTargetJsonContext.Default.HttpAnswerRequest, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await ReadAsync(response, HttpTargetJsonContext.Default.HttpAnswerResponse, "answer", cancellationToken);
        var usage = body.Usage is { } reported
            ? new TokenUsage(reported.PromptTokens, reported.CompletionTokens, reported.ContextTokens)
            : UsageRequired
                ? throw new HttpRequestException("answer: the response has no usage, and target.usage is required")
                : Estimate(query, body);
        return new AnswerResult(body.Answer, body.Documents, body.Context ?? "", usage, TimeSpan.FromMilliseconds(body.RetrievalMs), body.Refused)
        {
            Ranking = request.K is null ? null : body.Ranking,
        };
    }

    // Without usage, cost gates would pass on zero tokens: count what the generator must at least have
    // read (query and context) and written (the answer) with the generation model's tokenizer.
    private TokenUsage Estimate(string query, HttpAnswerResponse body)
    {
        var counter = _counter.Value;
        var context = counter.Count(body.Context ?? "");
        return new TokenUsage(counter.Count(query) + context, counter.Count(body.Answer), context) { Estimated = true };
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    // A body that is not the contract's JSON is the service's failure, like a 500: it surfaces as an
    // HttpRequestException, which the runner records on the query instead of aborting the whole run.
    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, string endpoint, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken)
                ?? throw new HttpRequestException($"{endpoint}: empty response body");
        }
        catch (JsonException e)
        {
            throw new HttpRequestException($"{endpoint}: the response is not the contract's JSON: {e.Message}", e);
        }
    }
}
