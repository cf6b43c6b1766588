using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RagGate.Server.Tests.Hardening;

/// <summary>
/// <c>POST /admin/reload</c> after the corpus changed rebuilds the index and swaps it in while
/// requests keep being answered. A three-document knowledge base of its own, so the shared sample
/// is never modified.
/// </summary>
public sealed class ReloadTests : IDisposable
{
    private const string Token = "reload-test-token-0123456789";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Reload_CorpusChanged_SwapsInTheRebuiltIndexWithoutDroppingRequests()
    {
        var docs = Directory.CreateDirectory(Path.Combine(_folder.Path, "docs")).FullName;
        await File.WriteAllTextAsync(Path.Combine(docs, "billing.md"), "# Billing\n\nInvoices are sent on the first day of each month by email.\n");
        await File.WriteAllTextAsync(Path.Combine(docs, "login.md"), "# Signing in\n\nUse your work email and password to sign in to the dashboard.\n");
        Directory.CreateDirectory(Path.Combine(_folder.Path, "golden"));
        await File.WriteAllTextAsync(
            Path.Combine(_folder.Path, "golden", "queries.json"),
            """{"queries": [{"id": "q1", "query": "When are invoices sent?", "expected_doc_ids": ["billing"]}]}""");
        var config = Path.Combine(_folder.Path, "raggate.yaml");
        await File.WriteAllTextAsync(config, """
            version: 1
            corpus: docs
            golden: golden/queries.json
            index: .raggate/index
            embedding:
              model: minilm-l6-v2
              cache: .raggate/embeddings
            answer:
              answerer: extractive
            server:
              rate_limit:
                permits_per_second: 0
              admin:
                enabled: true
                token_env: RAGGATE_RELOAD_TEST_TOKEN
            """);
        await using var server = new ServerFactory(config, new Dictionary<string, string?> { ["RAGGATE_RELOAD_TEST_TOKEN"] = Token });
        await server.WaitReadyAsync();
        using var client = server.CreateClient();
        var before = await IndexHashAsync(client);
        const string Question = "Which shelf holds the replacement llama saddles?";
        Assert.DoesNotContain("llamas", await TopIdAsync(client, Question), StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(docs, "llamas.md"), "# Llama saddles\n\nReplacement llama saddles are kept on shelf 7 of the north barn.\n");
        var during = Enumerable.Range(0, 8).Select(_ => client.PostAsJsonAsync("/retrieve", new { query = "when are invoices sent", k = 2 })).ToList();
        using var reload = new HttpRequestMessage(HttpMethod.Post, "/admin/reload");
        reload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await client.SendAsync(reload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reloaded = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var after = reloaded.RootElement.GetProperty("indexHash").GetString();
        Assert.NotEqual(before, after);
        Assert.Equal(after, await IndexHashAsync(client));
        Assert.Contains("llamas", await TopIdAsync(client, Question), StringComparison.Ordinal);
        foreach (var call in during)
        {
            using var answered = await call;
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
    }

    private static async Task<string?> IndexHashAsync(HttpClient client)
    {
        using var version = JsonDocument.Parse(await client.GetStringAsync(new Uri("/version", UriKind.Relative)));
        return version.RootElement.GetProperty("indexHash").GetString();
    }

    private static async Task<string> TopIdAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/retrieve", new { query, k = 1 });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("documents")[0].GetProperty("id").GetString()!;
    }
}
