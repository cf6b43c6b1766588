using RagGate.Evaluation;
using RagGate.Server.Rollouts.Routing;
using RagGate.Server.Rollouts.Traffic;
using RagGate.Server.Tests.Rollouts.Routing;

// Not ...Rollouts.Traffic: a namespace of that name would hide the judge tests' Traffic(...) helper.
namespace RagGate.Server.Tests.Rollouts;

/// <summary>The traffic source through the real router: bounded by count and by time, spread over users, loopback only.</summary>
public sealed class TrafficSourceTests : IAsyncLifetime
{
    private EchoBackend _stable = null!;
    private EchoBackend _canary = null!;
    private CanaryRouter _router = null!;

    public async Task InitializeAsync()
    {
        _stable = await EchoBackend.StartAsync(Revisions.Stable);
        _canary = await EchoBackend.StartAsync(Revisions.Canary);
        _router = await CanaryRouter.StartAsync(_stable.Address, new RouterOptions(), CancellationToken.None);
        await _router.UpdateAsync(
            new Dictionary<string, Uri> { [Revisions.Stable] = _stable.Address, [Revisions.Canary] = _canary.Address },
            new TrafficSplit { CanaryWeight = 30 }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _router.DisposeAsync();
        await _canary.DisposeAsync();
        await _stable.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_MaxRequests_SendsExactlyThatManySplitOverRevisions()
    {
        var source = new TrafficSource(Options() with { Rate = 500, MaxRequests = 300 }, TimeProvider.System);

        var report = await source.RunAsync(CancellationToken.None);

        Assert.Equal(300, report.Sent);
        Assert.Equal(300, report.Answered(Revisions.Stable) + report.Answered(Revisions.Canary));
        Assert.InRange(report.Answered(Revisions.Canary), 50, 130);
        Assert.Equal(0, report.TransportErrors);
        Assert.Equal(report.Answered(Revisions.Canary), _router.Statistics.Window(Revisions.Canary, DateTimeOffset.MinValue).Requests);
    }

    [Fact]
    public async Task RunAsync_MaxDuration_StopsByTimeAtTheRate()
    {
        var source = new TrafficSource(Options() with { Rate = 20, MaxRequests = 10_000, MaxDuration = TimeSpan.FromMilliseconds(500) }, TimeProvider.System);

        var report = await source.RunAsync(CancellationToken.None);

        // Requests due at 0, 50, ..., 450 ms.
        Assert.Equal(10, report.Sent);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsEarly()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var source = new TrafficSource(Options() with { Rate = 10, MaxRequests = 10_000, MaxDuration = TimeSpan.FromMinutes(1) }, TimeProvider.System);

        var report = await source.RunAsync(cancel.Token);

        Assert.InRange(report.Sent, 1, 10);
    }

    [Fact]
    public async Task RunAsync_NotLoopback_Refused()
    {
        var source = new TrafficSource(Options() with { Target = new Uri("http://192.0.2.1:8080/") }, TimeProvider.System);

        await Assert.ThrowsAsync<ArgumentException>(() => source.RunAsync(CancellationToken.None));
        Assert.Equal(0, source.Report.Sent);
    }

    [Fact]
    public void Load_QueryLogAndGoldenSet_QueriesInOrder()
    {
        using var folder = new TempFolder();
        var log = folder.Write("queries.txt", "reset my password\n\n  cancel my plan  \n");

        Assert.Equal(["reset my password", "cancel my plan"], TrafficQueries.Load(log));
        Assert.NotEmpty(TrafficQueries.Load(RepoRoot.Combine("samples", "support-kb", "golden", "test_queries.json")));
        Assert.Throws<InputException>(() => TrafficQueries.Load(folder.Write("empty.log", "\n")));
    }

    private TrafficOptions Options() => new() { Target = _router.Address, Queries = ["reset my password", "cancel my plan"] };
}
