using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RagGate.Server.Rollouts.Routing;

namespace RagGate.Server.Tests.Rollouts.Routing;

/// <summary>The router on real Kestrel servers: the live split, sticky users, X-Canary, passive health, and the per-revision statistics and metrics.</summary>
public sealed class CanaryRouterTests : IAsyncLifetime
{
    private EchoBackend _stable = null!;
    private EchoBackend _canary = null!;
    private CanaryRouter _router = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _stable = await EchoBackend.StartAsync(Revisions.Stable);
        _canary = await EchoBackend.StartAsync(Revisions.Canary);
        _router = await CanaryRouter.StartAsync(_stable.Address, new RouterOptions { ReactivationPeriod = TimeSpan.FromMinutes(5) }, CancellationToken.None);
        _client = new HttpClient { BaseAddress = _router.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _router.DisposeAsync();
        await _canary.DisposeAsync();
        await _stable.DisposeAsync();
    }

    [Fact]
    public async Task Split_NoCanaryWeight_EverythingOnStable()
    {
        await SetAsync(canaryWeight: 0);

        var served = await ServedAsync(Enumerable.Range(0, 50).Select(i => $"user-{i}"));

        Assert.All(served.Values, r => Assert.Equal(Revisions.Stable, r));
    }

    [Fact]
    public async Task Split_Weight20_AboutAFifthOfUsersOnCanaryAndTheBodyMatches()
    {
        await SetAsync(canaryWeight: 20);

        var served = await ServedAsync(Enumerable.Range(0, 1000).Select(i => $"user-{i}"));

        // Binomial(1000, 0.2): sd 12.6; the window is over 5 sd wide each side.
        Assert.InRange(served.Values.Count(r => r == Revisions.Canary), 130, 270);
    }

    [Fact]
    public async Task SetSplit_RaisedLive_UsersOnlyMoveFromStableToCanary()
    {
        var users = Enumerable.Range(0, 400).Select(i => $"user-{i}").ToList();
        await SetAsync(canaryWeight: 10);
        var before = await ServedAsync(users);
        await SetAsync(canaryWeight: 50);
        var after = await ServedAsync(users);

        Assert.All(users.Where(u => before[u] == Revisions.Canary), u => Assert.Equal(Revisions.Canary, after[u]));
        Assert.True(after.Values.Count(r => r == Revisions.Canary) > before.Values.Count(r => r == Revisions.Canary));
    }

    [Fact]
    public async Task Cookie_NoKey_AssignedOnceThenSticky()
    {
        await SetAsync(canaryWeight: 50);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = _router.Address };

        var first = await ServedByAsync(browser, new HttpRequestMessage(HttpMethod.Get, "page"));
        var cookie = handler.CookieContainer.GetCookies(_router.Address)["raggate-user"];
        var again = new List<string>();
        for (var i = 0; i < 10; i++) again.Add(await ServedByAsync(browser, new HttpRequestMessage(HttpMethod.Get, "page")));

        Assert.NotNull(cookie);
        Assert.All(again, r => Assert.Equal(first, r));
    }

    [Theory]
    [InlineData("always", "canary")]
    [InlineData("never", "stable")]
    [InlineData("ALWAYS", "canary")]
    public async Task XCanary_Forced_ThatRevisionWhateverTheWeight(string header, string expected)
    {
        await SetAsync(canaryWeight: 0);
        var weightZero = await ForcedAsync(header);
        await SetAsync(canaryWeight: 100);
        var weightFull = await ForcedAsync(header);

        Assert.Equal((HttpStatusCode.OK, expected), weightZero);
        Assert.Equal((HttpStatusCode.OK, expected), weightFull);
    }

    [Fact]
    public async Task XCanary_UnknownValue_400ProblemJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "page");
        request.Headers.Add(CanaryHeader.Name, "sometimes");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task XCanary_AlwaysWithoutACanary_503ProblemJsonNeverStable()
    {
        await _router.UpdateAsync(new Dictionary<string, Uri> { [Revisions.Stable] = _stable.Address }, new TrafficSplit(), CancellationToken.None);
        using var request = new HttpRequestMessage(HttpMethod.Get, "page");
        request.Headers.Add(CanaryHeader.Name, CanaryHeader.Always);

        using var response = await _client.SendAsync(request);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("canary", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassiveHealth_CanaryDies_ForcedGets503AndSplitUsersGoToStable()
    {
        await SetAsync(canaryWeight: 50);
        await _canary.DisposeAsync();

        // Connection refused: 502 until the transport failure rate takes the canary out, then 503; never stable's answer.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40 && !statuses.Contains(HttpStatusCode.ServiceUnavailable); i++)
        {
            statuses.Add((await ForcedAsync(CanaryHeader.Always)).Status);
        }

        var served = await ServedAsync(Enumerable.Range(0, 100).Select(i => $"user-{i}"));

        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable, s.ToString()));
        Assert.All(served.Values, r => Assert.Equal(Revisions.Stable, r));
        _canary = await EchoBackend.StartAsync(Revisions.Canary);
    }

    [Fact]
    public async Task Statistics_CanaryAnswers500_ErrorsCountedOnTheCanaryOnly()
    {
        await SetAsync(canaryWeight: 50);
        var since = DateTimeOffset.UtcNow;
        _canary.Status = StatusCodes.Status500InternalServerError;

        var served = await ServedAsync(Enumerable.Range(0, 200).Select(i => $"user-{i}"), expectSuccess: false);
        var canary = _router.Statistics.Window(Revisions.Canary, since);
        var stable = _router.Statistics.Window(Revisions.Stable, since);

        Assert.Equal(served.Values.Count(r => r == Revisions.Canary), canary.Requests);
        Assert.Equal(canary.Requests, canary.Errors);
        Assert.Equal(0, stable.Errors);
        Assert.Equal(200, canary.Requests + stable.Requests);
        Assert.Equal(canary.Requests, canary.LatenciesMs.Count);
    }

    [Fact]
    public async Task Metrics_AfterTraffic_PerRevisionCountersAndHistogramsAtMetrics()
    {
        await SetAsync(canaryWeight: 50);
        await ServedAsync(Enumerable.Range(0, 50).Select(i => $"user-{i}"));

        var text = await _client.GetStringAsync(new Uri("metrics", UriKind.Relative));

        Assert.Contains("raggate_router_requests_total{", text, StringComparison.Ordinal);
        Assert.Contains("revision=\"canary\"", text, StringComparison.Ordinal);
        Assert.Contains("revision=\"stable\"", text, StringComparison.Ordinal);
        Assert.Contains("raggate_router_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_UnknownPolicyOrWeightOver100_Refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _router.SetSplitAsync(new TrafficSplit { Policy = "round-robin" }, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _router.SetSplitAsync(new TrafficSplit { CanaryWeight = 101 }, CancellationToken.None));
    }

    private Task SetAsync(double canaryWeight) => _router.UpdateAsync(
        new Dictionary<string, Uri> { [Revisions.Stable] = _stable.Address, [Revisions.Canary] = _canary.Address },
        new TrafficSplit { CanaryWeight = canaryWeight },
        CancellationToken.None);

    private async Task<Dictionary<string, string>> ServedAsync(IEnumerable<string> users, bool expectSuccess = true)
    {
        var served = new Dictionary<string, string>();
        foreach (var user in users)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "page");
            request.Headers.Add("X-RagGate-User", user);
            using var response = await _client.SendAsync(request);
            if (expectSuccess) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var revision = response.Headers.GetValues(CanaryHeader.Served).Single();
            if (expectSuccess) Assert.Equal(revision, await response.Content.ReadAsStringAsync());
            served[user] = revision;
        }

        return served;
    }

    private async Task<(HttpStatusCode Status, string Body)> ForcedAsync(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "page");
        request.Headers.Add(CanaryHeader.Name, header);
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> ServedByAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        }
    }
}
