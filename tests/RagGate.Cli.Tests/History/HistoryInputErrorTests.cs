using Microsoft.Data.Sqlite;

namespace RagGate.Cli.Tests.History;

/// <summary>Bad stores and history arguments: exit 2 with one line, no stack trace, nothing recorded.</summary>
public sealed class HistoryInputErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public HistoryInputErrorTests()
    {
        _folder.Write("docs/a.md", "# A\n\nAlpha.\n");
        _folder.Write("golden.json", """{"queries": [{"id": "q1", "query": "alpha", "expected_doc_ids": ["a"]}]}""");
        _folder.Write("raggate.yaml", "corpus: docs\ngolden: golden.json\n");
    }

    public void Dispose() => _folder.Dispose();

    private static string OneLine(RaggateProcess.Result result)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
        return Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Eval_MalformedPostgresUrl_ExitsTwoBeforeIndexing()
    {
        var result = await RaggateProcess.RunAsync(_folder.Path, "eval", "--store", "postgres://ci:secret@db.internal", "--out", "out");

        Assert.Equal("raggate: --store: 'postgres://ci:***@db.internal' is not a PostgreSQL URL (no database name after the host); expected postgres://user:password@host:port/database", OneLine(result));
        Assert.False(Directory.Exists(_folder.File("out")));
        Assert.False(Directory.Exists(_folder.File(".raggate/embeddings")), "nothing was indexed");
    }

    [Fact]
    public async Task Eval_UnreachablePostgres_ExitsTwoWithoutThePassword()
    {
        var result = await RaggateProcess.RunWithEnvironmentAsync(_folder.Path, new Dictionary<string, string> { ["RAGGATE_STORE"] = "postgres://ci:secret@127.0.0.1:1/history" }, "eval", "--out", "out");

        var line = OneLine(result);
        Assert.StartsWith("raggate: postgres://ci@127.0.0.1:1/history: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_StoreWithANewerSchema_ExitsTwoAndRecordsNothing()
    {
        var database = _folder.File("history.db");
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE raggate_schema (version INTEGER NOT NULL); INSERT INTO raggate_schema VALUES (2);";
            await command.ExecuteNonQueryAsync();
        }

        var result = await RaggateProcess.RunAsync(_folder.Path, "eval", "--store", "history.db", "--out", "out");

        Assert.Equal($"raggate: {database}: the history schema is version 2, newer than this RagGate reads (1); expected a newer raggate, or another store", OneLine(result));
        Assert.False(Directory.Exists(_folder.File("out")));
    }

    [Fact]
    public async Task HistoryShow_UnknownId_ExitsTwoNamingIt()
    {
        var result = await RaggateProcess.RunAsync(_folder.Path, "history", "show", "41", "--store", "h.db");

        Assert.Equal($"raggate: {_folder.File("h.db")}: no run with id 41; expected an id from raggate history list", OneLine(result));
    }

    [Fact]
    public async Task HistoryPrune_WithoutKeep_ExitsTwo()
    {
        var result = await RaggateProcess.RunAsync(_folder.Path, "history", "prune", "--store", "h.db");

        Assert.Equal("raggate: --keep: missing is out of range; expected the number of runs to keep per branch, at least 1", OneLine(result));
    }
}
