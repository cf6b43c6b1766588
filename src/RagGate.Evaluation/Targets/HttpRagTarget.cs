using System.Net.Http.Json;

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
        var body = await response.Content.ReadFromJsonAsync(HttpTargetJsonContext.Default.HttpRetrieveResponse, cancellationToken)
            ?? throw new HttpRequestException("retrieve: empty response body");
        return new RetrievalResult(body.Documents);
    }

    /// <inheritdoc />
    public async Task<AnswerResult> AnswerAsync(string query, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync("answer", new HttpAnswerRequest(query), HttpTargetJsonContext.Default.HttpAnswerRequest, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(HttpTargetJsonContext.Default.HttpAnswerResponse, cancellationToken)
            ?? throw new HttpRequestException("answer: empty response body");
        var usage = body.Usage ?? new HttpUsage(0, 0, 0);
        return new AnswerResult(body.Answer, body.Documents, body.Context ?? "",
            new TokenUsage(usage.PromptTokens, usage.CompletionTokens, usage.ContextTokens),
            TimeSpan.FromMilliseconds(body.RetrievalMs), body.Refused);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
