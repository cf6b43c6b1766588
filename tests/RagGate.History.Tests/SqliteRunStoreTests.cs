using Microsoft.Data.Sqlite;
using RagGate.Evaluation;
using RagGate.History.Sqlite;
using RagGate.History.Storage;

namespace RagGate.History.Tests;

/// <summary>The store contract on a SQLite file in a temp folder.</summary>
public sealed class SqliteRunStoreTests : RunStoreContractTests
{
    private readonly TempFolder _folder = new();

    private string Database => _folder.File(".raggate/history.db");

    protected override async Task<IRunStore> OpenAsync() => await SqliteRunStore.OpenAsync(Database, default);

    protected override async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OpenAsync_FileThatIsNotADatabase_ThrowsOneLineNamingTheFile()
    {
        _folder.Write(".raggate/history.db", "not a database, just text that is long enough to have a header page of its own\n");

        var error = await Assert.ThrowsAsync<InputException>(OpenAsync);

        Assert.StartsWith(Database + ": ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
