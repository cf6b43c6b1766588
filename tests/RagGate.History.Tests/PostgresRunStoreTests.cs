using RagGate.Evaluation;
using RagGate.History.Postgres;
using RagGate.History.Storage;

namespace RagGate.History.Tests;

/// <summary>The store contract on a real PostgreSQL server (a throwaway cluster), one database per test.</summary>
public sealed class PostgresRunStoreTests(PostgresCluster cluster) : RunStoreContractTests, IClassFixture<PostgresCluster>
{
    private string _database = "";

    protected override async Task<IRunStore> OpenAsync() => await RunStores.OpenAsync(RunStoreLocation.Parse(cluster.Url(_database), "--store"), default);

    protected override Task ExecuteRawAsync(string sql) => cluster.ExecuteAsync(_database, sql);

    public override async Task InitializeAsync()
    {
        var url = await cluster.CreateDatabaseAsync();
        _database = url[(url.LastIndexOf('/') + 1)..];
    }

    public override Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OpenAsync_NoServerOnThePort_ThrowsOneLineWithoutThePassword()
    {
        var port = cluster.Port == 1 ? 2 : 1;
        var location = RunStoreLocation.Parse($"postgres://ci:s3cret@127.0.0.1:{port}/history", "--store");

        var error = await Assert.ThrowsAsync<InputException>(() => RunStores.OpenAsync(location, default));

        Assert.StartsWith($"postgres://ci@127.0.0.1:{port}/history: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task OpenAsync_DatabaseThatDoesNotExist_ThrowsOneLineNamingIt()
    {
        var location = RunStoreLocation.Parse(cluster.Url("missing_db"), "--store");

        var error = await Assert.ThrowsAsync<InputException>(() => PostgresRunStore.OpenAsync(location.PostgresConnectionString!, location.Display, default));

        Assert.StartsWith(location.Display + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing_db", error.Message, StringComparison.Ordinal);
    }
}
