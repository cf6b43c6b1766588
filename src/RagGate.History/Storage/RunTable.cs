using System.Data.Common;
using RagGate.Evaluation.Targets;

namespace RagGate.History.Storage;

/// <summary>The statements both stores run against <c>raggate_runs</c> and <c>raggate_run_metrics</c>.</summary>
internal sealed class RunTable(DbConnection connection)
{
    private const string Header =
        "id, recorded_at, branch, git_sha, system_name, embedding_model, generation_model, retriever, config_hash, index_hash, golden_set, tool_version, passed, gates_total, gates_failed";

    /// <summary>Inserts the run and its metrics inside <paramref name="transaction"/>; the caller commits.</summary>
    public async Task<long> InsertAsync(RunEntry entry, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var id = await Sql.ScalarAsync(connection, transaction,
            """
            INSERT INTO raggate_runs (recorded_at, branch, git_sha, system_name, embedding_model, generation_model, retriever, config_hash, index_hash,
                golden_set, tool_version, passed, gates_total, gates_failed, report_json, run_json)
            VALUES (@recorded_at, @branch, @git_sha, @system_name, @embedding_model, @generation_model, @retriever, @config_hash, @index_hash,
                @golden_set, @tool_version, @passed, @gates_total, @gates_failed, @report_json, @run_json)
            RETURNING id
            """,
            [
                ("recorded_at", entry.RecordedAt.ToUnixTimeMilliseconds()), ("branch", entry.Branch), ("git_sha", entry.GitSha),
                ("system_name", entry.System.Name), ("embedding_model", entry.System.EmbeddingModel), ("generation_model", entry.System.GenerationModel),
                ("retriever", entry.System.Retriever), ("config_hash", entry.System.ConfigHash), ("index_hash", entry.System.IndexHash),
                ("golden_set", entry.GoldenSet), ("tool_version", entry.ToolVersion), ("passed", entry.Passed),
                ("gates_total", entry.GatesTotal), ("gates_failed", entry.GatesFailed), ("report_json", entry.ReportJson), ("run_json", entry.RunJson),
            ],
            cancellationToken);
        var runId = Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in entry.Metrics)
        {
            await Sql.ExecuteAsync(connection, transaction, "INSERT INTO raggate_run_metrics (run_id, name, value) VALUES (@run_id, @name, @value)",
                [("run_id", runId), ("name", name), ("value", value)], cancellationToken);
        }

        return runId;
    }

    public async Task<IReadOnlyList<StoredRun>> ListAsync(string? branch, int limit, CancellationToken cancellationToken)
    {
        var where = branch is null ? "" : "WHERE branch = @branch";
        var runs = await ReadHeadersAsync($"SELECT {Header} FROM raggate_runs {where} ORDER BY id DESC LIMIT @limit",
            [("branch", branch), ("limit", (long)limit)], cancellationToken);
        return await WithMetricsAsync(runs, cancellationToken);
    }

    public async Task<StoredRun?> FindLatestAsync(string branch, bool passingOnly, CancellationToken cancellationToken)
    {
        var passing = passingOnly ? "AND passed = @passed" : "";
        var runs = await ReadHeadersAsync($"SELECT {Header} FROM raggate_runs WHERE branch = @branch {passing} ORDER BY id DESC LIMIT 1",
            [("branch", branch), ("passed", true)], cancellationToken);
        return runs.Count == 0 ? null : await GetAsync(runs[0].Id, cancellationToken);
    }

    public async Task<StoredRun?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, $"SELECT {Header}, report_json, run_json FROM raggate_runs WHERE id = @id", [("id", id)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        var run = ReadHeader(reader) with { ReportJson = reader.GetString(15), RunJson = reader.GetString(16) };
        await reader.CloseAsync();
        return (await WithMetricsAsync([run], cancellationToken))[0];
    }

    public Task<int> PruneAsync(int keep, DbTransaction transaction, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, transaction,
            """
            DELETE FROM raggate_runs WHERE id IN (
                SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY branch ORDER BY id DESC) AS newer FROM raggate_runs) ranked
                WHERE newer > @keep)
            """,
            [("keep", (long)keep)], cancellationToken);

    private async Task<List<StoredRun>> ReadHeadersAsync(string text, IEnumerable<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null, text, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<StoredRun>();
        while (await reader.ReadAsync(cancellationToken))
            runs.Add(ReadHeader(reader));
        return runs;
    }

    private async Task<IReadOnlyList<StoredRun>> WithMetricsAsync(List<StoredRun> runs, CancellationToken cancellationToken)
    {
        if (runs.Count == 0)
            return runs;
        var ids = runs.Select((r, i) => ($"id{i}", (object?)r.Id)).ToList();
        var text = $"SELECT run_id, name, value FROM raggate_run_metrics WHERE run_id IN ({string.Join(", ", ids.Select(p => "@" + p.Item1))}) ORDER BY run_id, name";
        var metrics = runs.ToDictionary(r => r.Id, _ => new Dictionary<string, double>(StringComparer.Ordinal));
        await using var command = Sql.Command(connection, null, text, ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            metrics[reader.GetInt64(0)][reader.GetString(1)] = reader.GetDouble(2);
        return [.. runs.Select(r => r with { Metrics = metrics[r.Id] })];
    }

    private static StoredRun ReadHeader(DbDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new StoredRun
        {
            Id = reader.GetInt64(0),
            RecordedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
            Branch = Text(2),
            GitSha = Text(3),
            System = new SystemIdentity(reader.GetString(4), Text(5), reader.GetString(6), Text(7), Text(8), Text(9)),
            GoldenSet = Text(10),
            ToolVersion = reader.GetString(11),
            Passed = reader.GetBoolean(12),
            GatesTotal = reader.GetInt32(13),
            GatesFailed = reader.GetInt32(14),
            Metrics = new Dictionary<string, double>(),
        };
    }
}
