using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RagGate.Server.Tests.Hardening;

/// <summary>A bounded burst above the rate limit gets 429 problem+json, and the service answers again once the bucket refills.</summary>
[Collection(SampleKbCollection.Name)]
public sealed class RateLimitTests(SampleKb sample)
{
    [Fact]
    public async Task Burst_AboveTheLimit_Some429sThenAnsweredAgain()
    {
        const string Limited = """
            server:
              rate_limit:
                permits_per_second: 10
                burst: 5
            """;
        await using var server = new ServerFactory(sample.WriteConfig("raggate.rate.yaml", Limited));
        await server.WaitReadyAsync();
        using var client = server.CreateClient();

        // 40 requests at once against a bucket of 5 refilled at 1 per 100 ms: at least 20 must be refused.
        var burst = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.PostAsJsonAsync("/retrieve", new { query = "reset my password", k = 3 })));
        var statuses = burst.Select(r => r.StatusCode).ToList();
        var refused = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();

        Assert.True(refused.Count >= 20, string.Join(",", statuses));
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, s.ToString()));
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
        Assert.Equal("1", refused[0].Headers.RetryAfter?.ToString());
        using var problem = JsonDocument.Parse(await refused[0].Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        foreach (var response in burst) response.Dispose();

        await Task.Delay(TimeSpan.FromSeconds(1));
        using var after = await client.PostAsJsonAsync("/retrieve", new { query = "reset my password", k = 3 });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        // Probes are not rate limited: an orchestrator must see the service alive during a burst.
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
