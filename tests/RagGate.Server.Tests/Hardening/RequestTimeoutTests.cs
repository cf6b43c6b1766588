using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RagGate.Server.Tests.Hardening;

/// <summary>
/// <c>server.request_timeout_seconds</c>: a request that takes longer is answered 504 problem+json when the
/// time is up (not when the work would have finished), nothing is logged as an error, and the service keeps serving.
/// The slowness is the real server's own, from the <c>faults:</c> section.
/// </summary>
[Collection(SampleKbCollection.Name)]
public sealed class RequestTimeoutTests(SampleKb sample)
{
    [Fact]
    public async Task SlowRequest_OverTheTimeout_504ProblemJsonAndStillServing()
    {
        const string Slow = """
            server:
              request_timeout_seconds: 0.3
            faults:
              latency_ms: 5000
            """;
        await using var server = new ServerFactory(sample.WriteConfig("raggate.timeout.yaml", Slow), new Dictionary<string, string?> { ["allow-faults"] = "true" });
        await server.WaitReadyAsync();
        using var client = server.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync("/retrieve", new { query = "reset my password", k = 3 });
            var elapsed = Stopwatch.GetElapsedTime(start);

            Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(504, problem.RootElement.GetProperty("status").GetInt32());
            // Cut at the timeout: the injected 5 s never ran to its end.
            Assert.True(elapsed < TimeSpan.FromSeconds(4), $"{elapsed.TotalMilliseconds:0} ms");
        }

        // Probes carry no injected latency: the service is alive and ready after the timeouts.
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var errors = server.Logs.Where(l => l.Level >= LogLevel.Error).Select(l => l.Category + ": " + l.Message).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
