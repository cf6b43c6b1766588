using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RagGate.Server.Rollouts.Control;

namespace RagGate.Server.Tests.Faults;

/// <summary>
/// The <c>faults:</c> section, produced by the real server: refused without <c>--allow-faults</c>, a share of
/// requests answered 500 problem+json, latency added, and a crash (the process gone) after N requests.
/// </summary>
[Collection(SampleKbCollection.Name)]
public sealed class FaultTests(SampleKb sample)
{
    private static readonly Dictionary<string, string?> AllowFaults = new() { ["allow-faults"] = "true" };

    [Fact]
    public async Task Serve_FaultsWithoutAllowFaults_ExitsTwoWithOneLine()
    {
        var config = sample.WriteConfig("raggate.faults-refused.yaml", "faults:\n  error_rate: 0.2\n");

        var result = await RaggateProcess.RunAsync(sample.Folder, "serve", "--config", config, "--urls", "http://127.0.0.1:0");

        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(lines);
        Assert.Contains("raggate.faults-refused.yaml:", lines[0], StringComparison.Ordinal);
        Assert.Contains("faults: refused", lines[0], StringComparison.Ordinal);
        Assert.Contains("--allow-faults", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorRate_Half_SomeRequestsFailWithProblemJsonAndProbesDoNot()
    {
        await using var server = new ServerFactory(sample.WriteConfig("raggate.faults-errors.yaml", "faults:\n  error_rate: 0.5\n  seed: 7\n"), AllowFaults);
        await server.WaitReadyAsync();
        using var client = server.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? failed = null;
        for (var i = 0; i < 60; i++)
        {
            var response = await client.PostAsJsonAsync("/retrieve", new { query = "reset my password", k = 3 });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.InternalServerError && failed is null) failed = response;
            else response.Dispose();
        }

        // Binomial(60, 0.5): outside [15, 45] has a probability under 1e-4 for any seed.
        var errors = statuses.Count(s => s == HttpStatusCode.InternalServerError);
        Assert.InRange(errors, 15, 45);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.InternalServerError, s.ToString()));
        Assert.Equal("application/problem+json", failed!.Content.Headers.ContentType?.MediaType);
        using (var problem = JsonDocument.Parse(await failed.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Injected fault", problem.RootElement.GetProperty("title").GetString());
        }

        failed.Dispose();
        for (var i = 0; i < 10; i++)
        {
            using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
    }

    [Fact]
    public async Task ErrorRate_SameSeed_SameRequestsFail()
    {
        var config = sample.WriteConfig("raggate.faults-seeded.yaml", "faults:\n  error_rate: 0.3\n  seed: 11\n");
        var first = await StatusesAsync(config, 30);
        var second = await StatusesAsync(config, 30);

        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.InternalServerError, first);
    }

    [Fact]
    public async Task Latency_400Ms_EveryRagRequestTakesAtLeastThatLong()
    {
        await using var server = new ServerFactory(sample.WriteConfig("raggate.faults-slow.yaml", "faults:\n  latency_ms: 400\n"), AllowFaults);
        await server.WaitReadyAsync();
        using var client = server.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.PostAsJsonAsync("/answer", new { query = "How do I reset my password?" });
            var elapsed = Stopwatch.GetElapsedTime(start);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(elapsed >= TimeSpan.FromMilliseconds(400), $"{elapsed.TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task CrashAfterRequests_Three_ProcessDiesOnTheFourth()
    {
        var config = sample.WriteConfig("raggate.faults-crash.yaml", "faults:\n  crash_after_requests: 3\n");
        await using var server = await RevisionProcess.StartAsync(
            ServeCommandLine.FromFolder(AppContext.BaseDirectory), config, allowFaults: true, TimeSpan.FromMinutes(3), CancellationToken.None);
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsJsonAsync("retrieve", new { query = "reset my password", k = 3 });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsJsonAsync("retrieve", new { query = "reset my password", k = 3 }));
        // 128 + SIGKILL: the process died, it did not shut down.
        Assert.Equal(137, await server.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("crashing on purpose after 3 requests", server.Output, StringComparison.Ordinal);
    }

    private async Task<List<HttpStatusCode>> StatusesAsync(string config, int count)
    {
        await using var server = new ServerFactory(config, AllowFaults);
        await server.WaitReadyAsync();
        using var client = server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.PostAsJsonAsync("/retrieve", new { query = "reset my password", k = 3 });
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
