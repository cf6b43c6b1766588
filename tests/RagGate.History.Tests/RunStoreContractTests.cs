using System.Text;
using RagGate.Evaluation;
using RagGate.Evaluation.Runs;
using RagGate.History.Storage;

namespace RagGate.History.Tests;

/// <summary>
/// What every history store must do, run against each one (SQLite and a real PostgreSQL server) by a subclass
/// that says how to open a store on a fresh database and how to run raw SQL in it.
/// </summary>
public abstract class RunStoreContractTests : IAsyncLifetime
{
    /// <summary>Opens a new store (a new connection) on the test's database.</summary>
    protected abstract Task<IRunStore> OpenAsync();

    /// <summary>Runs one statement in the test's database, around the store.</summary>
    protected abstract Task ExecuteRawAsync(string sql);

    /// <summary>Creates the test's empty database.</summary>
    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task RecordAsync_ThreeRuns_ListsThemNewestFirstWithTheirMetrics()
    {
        await using var store = await OpenAsync();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
            ids.Add(await store.RecordAsync(Entries.Make("main", passed: true, recall: 0.8 + (i / 100.0), minute: i, sha: new string((char)('a' + i), 40)), default));

        var runs = await store.ListAsync(null, 10, default);

        Assert.Equal(ids.AsEnumerable().Reverse(), runs.Select(r => r.Id));
        Assert.Equal(0.82, runs[0].Metrics["recall@10"], 12);
        Assert.Equal(120.5, runs[0].Metrics["latency_p95_ms"], 12);
        Assert.Equal(new string('c', 40), runs[0].GitSha);
        Assert.Equal("main", runs[0].Branch);
        Assert.Equal("minilm-l6-v2", runs[0].System.EmbeddingModel);
        Assert.Equal("cfg2", runs[0].System.ConfigHash);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 6, 5, TimeSpan.Zero), runs[0].RecordedAt);
        Assert.Null(runs[0].RunJson);
    }

    [Fact]
    public async Task ListAsync_BranchAndLimit_ReturnsOnlyTheNewestRunsOfThatBranch()
    {
        await using var store = await OpenAsync();
        await store.RecordAsync(Entries.Make("main", true, 0.9, 0), default);
        var feature1 = await store.RecordAsync(Entries.Make("feature", true, 0.8, 1), default);
        await store.RecordAsync(Entries.Make("main", true, 0.9, 2), default);
        var feature2 = await store.RecordAsync(Entries.Make("feature", false, 0.7, 3), default);
        await store.RecordAsync(Entries.Make("feature", false, 0.6, 4), default);

        var runs = await store.ListAsync("feature", 2, default);

        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("feature", r.Branch));
        Assert.True(runs[0].Id > feature2 && runs[1].Id == feature2, $"ids {runs[0].Id}, {runs[1].Id}; feature runs {feature1}, {feature2}");
    }

    [Fact]
    public async Task FindLatestAsync_PassingOnly_SkipsNewerFailedRunsAndOtherBranches()
    {
        await using var store = await OpenAsync();
        await store.RecordAsync(Entries.Make("main", true, 0.90, 0), default);
        var lastPassing = await store.RecordAsync(Entries.Make("main", true, 0.91, 1), default);
        var lastFailed = await store.RecordAsync(Entries.Make("main", false, 0.50, 2), default);
        await store.RecordAsync(Entries.Make("feature", true, 0.99, 3), default);

        var passing = await store.FindLatestAsync("main", passingOnly: true, default);
        var any = await store.FindLatestAsync("main", passingOnly: false, default);

        Assert.Equal(lastPassing, passing!.Id);
        Assert.Equal(lastFailed, any!.Id);
        Assert.NotNull(passing.RunJson);
        Assert.Null(await store.FindLatestAsync("release", passingOnly: false, default));
    }

    [Fact]
    public async Task GetAsync_RecordedRun_ReturnsTheRunJsonThatParsesBackAndTheReport()
    {
        await using var store = await OpenAsync();
        var entry = Entries.Make("main", true, 0.9, 0, sha: new string('f', 40));
        var id = await store.RecordAsync(entry, default);

        var stored = await store.GetAsync(id, default);

        Assert.NotNull(stored);
        Assert.Equal(entry.RunJson, stored.RunJson);
        Assert.Equal(entry.ReportJson, stored.ReportJson);
        var run = RunFile.Parse(Encoding.UTF8.GetBytes(stored.RunJson!), "history");
        Assert.Equal("passwords", run.Queries.Single().Retrieved.Single().Id);
        Assert.Null(await store.GetAsync(id + 1000, default));
    }

    [Fact]
    public async Task RecordAsync_TwoStoresAtOnce_RecordsEveryRunWithDistinctIds()
    {
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        const int each = 15;

        async Task<List<long>> RecordMany(IRunStore store, string branch)
        {
            var ids = new List<long>();
            for (var i = 0; i < each; i++)
                ids.Add(await store.RecordAsync(Entries.Make(branch, i % 2 == 0, i / 100.0, i), default));
            return ids;
        }

        var results = await Task.WhenAll(Task.Run(() => RecordMany(first, "a")), Task.Run(() => RecordMany(second, "b")));

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(2 * each, all.Distinct().Count());
        var listed = await first.ListAsync(null, 100, default);
        Assert.Equal(2 * each, listed.Count);
        Assert.All(listed, r => Assert.Equal(2, r.Metrics.Count));
    }

    [Fact]
    public async Task OpenAsync_TwoAtOnceOnAnEmptyDatabase_CreatesTheSchemaOnce()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(OpenAsync)));
        foreach (var store in stores)
            await store.DisposeAsync();

        // One version row: a second migration would have added another (or failed creating the tables).
        await ExecuteRawAsync("INSERT INTO raggate_schema (version) SELECT 100 + COUNT(*) FROM raggate_schema");
        var error = await Assert.ThrowsAsync<InputException>(OpenAsync);
        Assert.Contains("schema is version 101,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NewerSchemaVersion_ThrowsOneLineNamingBothVersions()
    {
        await (await OpenAsync()).DisposeAsync();
        await ExecuteRawAsync("INSERT INTO raggate_schema (version) VALUES (7)");

        var error = await Assert.ThrowsAsync<InputException>(OpenAsync);

        Assert.Contains("the history schema is version 7, newer than this RagGate reads (1)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task RecordAsync_FailsAfterTheRunRow_RecordsNothing()
    {
        await using var store = await OpenAsync();
        var broken = Entries.Make("main", true, 0.9) with { Metrics = [new("recall@10", 0.9), new("recall@10", 0.8)] };

        await Assert.ThrowsAsync<InputException>(() => store.RecordAsync(broken, default));

        Assert.Empty(await store.ListAsync(null, 10, default));
        Assert.Null(await store.FindLatestAsync("main", passingOnly: false, default));
        var next = await store.RecordAsync(Entries.Make("main", true, 0.9), default);
        Assert.Single((await store.GetAsync(next, default))!.Metrics, m => m.Key == "recall@10");
    }

    [Fact]
    public async Task PruneAsync_KeepTwo_KeepsTheNewestTwoOfEachBranchWithTheirMetrics()
    {
        await using var store = await OpenAsync();
        var main = new List<long>();
        for (var i = 0; i < 4; i++)
            main.Add(await store.RecordAsync(Entries.Make("main", true, 0.9, i), default));
        var feature = await store.RecordAsync(Entries.Make("feature", true, 0.9, 9), default);

        var deleted = await store.PruneAsync(2, default);

        Assert.Equal(2, deleted);
        var left = await store.ListAsync(null, 10, default);
        Assert.Equal([feature, main[3], main[2]], left.Select(r => r.Id));
        Assert.All(left, r => Assert.Equal(2, r.Metrics.Count));
    }

    [Fact]
    public async Task OpenAsync_Reopened_KeepsTheRuns()
    {
        long id;
        await using (var store = await OpenAsync())
            id = await store.RecordAsync(Entries.Make("main", true, 0.9), default);

        await using var reopened = await OpenAsync();

        Assert.Equal(id, Assert.Single(await reopened.ListAsync(null, 10, default)).Id);
    }
}
