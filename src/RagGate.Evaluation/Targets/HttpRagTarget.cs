using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RagGate.Evaluation.Targets;

/// <summary>
/// Any RAG service that speaks RagGate's JSON contract: <c>POST {base}/retrieve</c> with
/// <c>{"query","k"}</c> and <c>POST {base}/answer</c> with <c>{"query"}</c> (see docs/http-target.md).
/// </summary>
public sealed class HttpRagTarget : IRagTarget, IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a target for the service at <paramref name="baseUrl"/>.</summary>
    public HttpRagTarget(Uri baseUrl, TimeSpan timeout, string name, string generationModel, HttpMessageHandler? handler = null)
    {
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = root;
        _http.Timeout = timeout;
        Identity = new SystemIdentity(name, null, generationModel, null, null, null) { Properties = new Dictionary<string, string> { ["url"] = root.AbsoluteUri } };
    }

    /// <inheritdoc />
    public SystemIdentity Identity { get; }

    /// <inheritdoc />
    public async Task<RetrievalResult> RetrieveAsync(string query, int k, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync("retrieve", new HttpRetrieveRequest(query, k), HttpTargetJsonContext.Default.HttpRetrieveRequest, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await ReadAsync(response, HttpTargetJsonContext.Default.HttpRetrieveResponse, "retrieve", cancellationToken);
        return new RetrievalResult(body.Documents);
    }

    /// <inheritdoc />
    public async Task<AnswerResult> AnswerAsync(string query, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync("answer", new HttpAnswerRequest(query), HttpTargetJsonContext.Default.HttpAnswerRequest, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await ReadAsync(response, HttpTargetJsonContext.Default.HttpAnswerResponse, "answer", cancellationToken);
        var usage = body.Usage ?? new HttpUsage(0, 0, 0);
        return new AnswerResult(body.Answer, body.Documents, body.Context ?? "",
            new TokenUsage(usage.PromptTokens, usage.CompletionTokens, usage.ContextTokens),
            TimeSpan.FromMilliseconds(body.RetrievalMs), body.Refused);
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
