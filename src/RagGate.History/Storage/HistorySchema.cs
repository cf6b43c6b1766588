using System.Data.Common;
using RagGate.Evaluation;

namespace RagGate.History.Storage;

/// <summary>
/// The history's tables, created and migrated by the tool. <c>raggate_schema</c> holds one row per applied
/// version; a database whose version is newer than this build knows is refused, never written.
/// </summary>
internal static class HistorySchema
{
    /// <summary>The schema version this build writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Migrations by target version: migration i brings the schema from version i to i + 1.</summary>
    private static IReadOnlyList<string[]> Migrations(SqlDialect dialect) =>
    [
        [
            $"""
            CREATE TABLE raggate_runs (
                {dialect.IdColumn},
                recorded_at BIGINT NOT NULL,
                branch TEXT,
                git_sha TEXT,
                system_name TEXT NOT NULL,
                embedding_model TEXT,
                generation_model TEXT NOT NULL,
                retriever TEXT,
                config_hash TEXT,
                index_hash TEXT,
                golden_set TEXT,
                tool_version TEXT NOT NULL,
                passed BOOLEAN NOT NULL,
                gates_total INTEGER NOT NULL,
                gates_failed INTEGER NOT NULL,
                report_json TEXT NOT NULL,
                run_json TEXT NOT NULL)
            """,
            "CREATE INDEX ix_raggate_runs_branch ON raggate_runs (branch, id)",
            """
            CREATE TABLE raggate_run_metrics (
                run_id BIGINT NOT NULL REFERENCES raggate_runs (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                value DOUBLE PRECISION NOT NULL,
                PRIMARY KEY (run_id, name))
            """,
        ],
    ];

    /// <summary>
    /// Brings the schema to <see cref="CurrentVersion"/> inside <paramref name="transaction"/>, which the caller
    /// opened holding the store's write lock, so two tools opening an empty database at once migrate it once.
    /// </summary>
    public static async Task MigrateAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, string location, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS raggate_schema (version INTEGER NOT NULL)", [], cancellationToken);
        var found = await Sql.ScalarAsync(connection, transaction, "SELECT MAX(version) FROM raggate_schema", [], cancellationToken);
        var version = found is null or DBNull ? 0 : Convert.ToInt32(found, System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new InputException($"{location}: the history schema is version {version}, newer than this RagGate reads ({CurrentVersion}); expected a newer raggate, or another store");
        }

        var migrations = Migrations(dialect);
        for (var next = version; next < CurrentVersion; next++)
        {
            foreach (var statement in migrations[next])
                await Sql.ExecuteAsync(connection, transaction, statement, [], cancellationToken);
            await Sql.ExecuteAsync(connection, transaction, "INSERT INTO raggate_schema (version) VALUES (@version)", [("version", next + 1)], cancellationToken);
        }
    }
}
