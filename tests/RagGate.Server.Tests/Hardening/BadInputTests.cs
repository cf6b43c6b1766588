using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RagGate.Server.Tests.Hardening;

/// <summary>
/// Every bad input of the issue gets its 4xx problem+json (no stack, no path), nothing is logged at
/// error level, and the next good request is answered.
/// </summary>
[Collection(SampleKbCollection.Name)]
public sealed class BadInputTests(SampleKb sample) : IAsyncLifetime
{
    private const string AdminToken = "test-admin-token-0123456789";
    private const string Limits = """
        server:
          max_body_bytes: 1024
          max_query_chars: 200
          max_k: 50
          rate_limit:
            permits_per_second: 0
          admin:
            enabled: true
            token_env: RAGGATE_TEST_ADMIN_TOKEN
        """;

    private ServerFactory _server = null!;

    public static TheoryData<string, string, string, string?, HttpStatusCode> Cases => new()
    {
        { "malformed JSON", "/retrieve", "{\"query\": \"reset\", \"k\": ", "application/json", HttpStatusCode.BadRequest },
        { "not an object", "/answer", "[1, 2]", "application/json", HttpStatusCode.BadRequest },
        { "empty body", "/answer", "", "application/json", HttpStatusCode.BadRequest },
        { "missing query", "/retrieve", "{\"k\": 5}", "application/json", HttpStatusCode.BadRequest },
        { "empty query", "/answer", "{\"query\": \"  \"}", "application/json", HttpStatusCode.BadRequest },
        { "null query", "/context", "{\"query\": null}", "application/json", HttpStatusCode.BadRequest },
        { "query over the limit", "/answer", "{\"query\": \"" + new string('a', 201) + "\"}", "application/json", HttpStatusCode.BadRequest },
        { "k zero", "/retrieve", "{\"query\": \"reset\", \"k\": 0}", "application/json", HttpStatusCode.BadRequest },
        { "k over the bound", "/retrieve", "{\"query\": \"reset\", \"k\": 51}", "application/json", HttpStatusCode.BadRequest },
        { "k not a number", "/retrieve", "{\"query\": \"reset\", \"k\": \"ten\"}", "application/json", HttpStatusCode.BadRequest },
        { "oversized body", "/answer", "{\"query\": \"" + new string('a', 2000) + "\"}", "application/json", HttpStatusCode.RequestEntityTooLarge },
        { "wrong content type", "/answer", "query=reset", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType },
        { "no content type", "/answer", "{\"query\": \"reset\"}", null, HttpStatusCode.UnsupportedMediaType },
        { "wrong method", "/answer", "", "GET", HttpStatusCode.MethodNotAllowed },
        { "unknown route", "/nowhere", "{}", "application/json", HttpStatusCode.NotFound },
    };

    public async Task InitializeAsync()
    {
        _server = new ServerFactory(sample.WriteConfig("raggate.limits.yaml", Limits), new Dictionary<string, string?> { ["RAGGATE_TEST_ADMIN_TOKEN"] = AdminToken });
        await _server.WaitReadyAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_BadInput_ProblemJsonAndNextRequestAnswered(string what, string path, string body, string? contentType, HttpStatusCode expected)
    {
        using var client = _server.CreateClient();
        using var request = new HttpRequestMessage(contentType == "GET" ? HttpMethod.Get : HttpMethod.Post, path);
        if (contentType != "GET")
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await client.SendAsync(request);

        Assert.True(expected == response.StatusCode, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await AssertProblemAsync(response, (int)expected);
        await AssertStillServingAsync(client);
        AssertNothingLoggedAsError();
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("Basic dXNlcjpwYXNz", HttpStatusCode.Unauthorized)]
    [InlineData("Bearer wrong-token-0123456789", HttpStatusCode.Forbidden)]
    public async Task Reload_WithoutOrWithWrongToken_IsRefused(string? authorization, HttpStatusCode expected)
    {
        using var client = _server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/reload");
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        await AssertProblemAsync(response, (int)expected);
        await AssertStillServingAsync(client);
        AssertNothingLoggedAsError();
    }

    [Fact]
    public async Task Reload_WithToken_SwapsTheIndexAndKeepsAnswering()
    {
        using var client = _server.CreateClient();
        using var version = JsonDocument.Parse(await client.GetStringAsync(new Uri("/version", UriKind.Relative)));
        // Requests in flight while the swap happens must all be answered.
        var during = Enumerable.Range(0, 8).Select(_ => client.PostAsJsonAsync("/retrieve", new { query = "reset my password", k = 3 })).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/reload");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reloaded = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(version.RootElement.GetProperty("indexHash").GetString(), reloaded.RootElement.GetProperty("indexHash").GetString());
        foreach (var call in during)
        {
            using var answered = await call;
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        await AssertStillServingAsync(client);
        AssertNothingLoggedAsError();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("title", out _), text);
        Assert.False(problem.RootElement.TryGetProperty("exception", out _), text);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", text, StringComparison.Ordinal);
    }

    private static async Task AssertStillServingAsync(HttpClient client)
    {
        using var good = await client.PostAsJsonAsync("/retrieve", new { query = "How do I reset my password?", k = 3 });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    private void AssertNothingLoggedAsError()
    {
        var errors = _server.Logs.Where(l => l.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
