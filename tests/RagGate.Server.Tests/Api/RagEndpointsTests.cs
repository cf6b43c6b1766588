using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RagGate.Engine.Configuration;
using RagGate.Engine.Pipeline;
using RagGate.Evaluation.Targets;

namespace RagGate.Server.Tests.Api;

/// <summary>The RAG endpoints answer the HTTP target contract with what the engine computes in process.</summary>
[Collection(SampleKbCollection.Name)]
public sealed class RagEndpointsTests(SampleKb sample) : IAsyncLifetime
{
    private const string Question = "How do I reset my password?";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private ServerFactory _server = null!;
    private string _config = "";

    public async Task InitializeAsync()
    {
        _config = sample.WriteConfig("raggate.api.yaml");
        _server = new ServerFactory(_config);
        await _server.WaitReadyAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Retrieve_SampleQuestion_ReturnsTheInProcessRankingWithScoresAndText()
    {
        using var client = _server.CreateClient();
        using var response = await client.PostAsJsonAsync("/retrieve", new { query = Question, k = 3 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<HttpRetrieveResponse>(Web))!;

        using var engine = await RagEngine.OpenAsync(RagGateConfigLoader.Load(_config), null, null);
        var expected = await engine.Pipeline.RetrieveAsync(Question, 3);
        Assert.Equal(expected, body.Documents);
        Assert.Contains(body.Documents, d => d.Id == "passwords/reset-password");
        Assert.Equal([1, 2, 3], body.Documents.Select(d => d.Rank));
    }

    [Fact]
    public async Task Answer_SampleQuestion_CitesItsSourceWithRealTokenUsage()
    {
        using var client = _server.CreateClient();
        using var response = await client.PostAsJsonAsync("/answer", new { query = Question });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Contains("[passwords/reset-password]", root.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.False(root.GetProperty("refused").GetBoolean());
        Assert.NotEmpty(root.GetProperty("documents").EnumerateArray());
        var usage = root.GetProperty("usage");
        Assert.True(usage.GetProperty("promptTokens").GetInt32() > usage.GetProperty("contextTokens").GetInt32());
        Assert.True(usage.GetProperty("completionTokens").GetInt32() > 0);
        Assert.StartsWith("[", root.GetProperty("context").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("retrievalMs").GetDouble() > 0);
    }

    [Fact]
    public async Task Context_SampleQuestion_ReturnsTheAnswerersContextAndItsTokens()
    {
        using var client = _server.CreateClient();
        using var answer = await client.PostAsJsonAsync("/answer", new { query = Question });
        using var context = await client.PostAsJsonAsync("/context", new { query = Question });
        Assert.Equal(HttpStatusCode.OK, context.StatusCode);
        using var a = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        using var c = JsonDocument.Parse(await context.Content.ReadAsStringAsync());
        Assert.Equal(a.RootElement.GetProperty("context").GetString(), c.RootElement.GetProperty("context").GetString());
        Assert.Equal(a.RootElement.GetProperty("usage").GetProperty("contextTokens").GetInt32(), c.RootElement.GetProperty("contextTokens").GetInt32());
    }

    [Fact]
    public async Task Version_Ready_NamesModelIndexAndConfigHashes()
    {
        using var client = _server.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/version", UriKind.Relative)));
        var root = json.RootElement;
        Assert.Equal("minilm-l6-v2", root.GetProperty("embeddingModel").GetString());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("configHash").GetString()!);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("indexHash").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Probes_Ready_HealthAndReadinessAnswer200()
    {
        using var client = _server.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
