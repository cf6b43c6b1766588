using Microsoft.Data.Sqlite;
using RagGate.History.Storage;

namespace RagGate.History.Sqlite;

/// <summary>The history in one SQLite file (the default, <c>.raggate/history.db</c>).</summary>
public sealed class SqliteRunStore : IRunStore
{
    private readonly SqliteConnection connection;
    private readonly RunTable table;

    private SqliteRunStore(SqliteConnection connection, string location)
    {
        this.connection = connection;
        Location = location;
        table = new RunTable(connection);
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>Opens the file (created with its folder when missing) and brings its schema up to date.</summary>
    public static Task<SqliteRunStore> OpenAsync(string path, CancellationToken cancellationToken) =>
        StoreErrors.GuardAsync(path, async () =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            // Default Timeout: a writer that finds the file locked by another run waits (SQLITE_BUSY is retried) up to 30 s.
            var builder = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = false };
            var connection = new SqliteConnection(builder.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await Sql.ExecuteAsync(connection, null, "PRAGMA foreign_keys = ON", [], cancellationToken);
                // BeginTransaction() is BEGIN IMMEDIATE: it takes the write lock first, so concurrent migrations queue.
                await using (var transaction = connection.BeginTransaction())
                {
                    await HistorySchema.MigrateAsync(connection, transaction, SqlDialect.Sqlite, path, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                return new SqliteRunStore(connection, path);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        });

    /// <inheritdoc />
    public Task<long> RecordAsync(RunEntry entry, CancellationToken cancellationToken) =>
        StoreErrors.GuardAsync(Location, async () =>
        {
            await using var transaction = connection.BeginTransaction();
            var id = await table.InsertAsync(entry, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return id;
        });

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRun>> ListAsync(string? branch, int limit, CancellationToken cancellationToken) =>
        StoreErrors.GuardAsync(Location, () => table.ListAsync(branch, limit, cancellationToken));

    /// <inheritdoc />
    public Task<StoredRun?> GetAsync(long id, CancellationToken cancellationToken) =>
        StoreErrors.GuardAsync(Location, () => table.GetAsync(id, cancellationToken));

    /// <inheritdoc />
    public Task<StoredRun?> FindLatestAsync(string branch, bool passingOnly, CancellationToken cancellationToken) =>
        StoreErrors.GuardAsync(Location, () => table.FindLatestAsync(branch, passingOnly, cancellationToken));

    /// <inheritdoc />
    public Task<int> PruneAsync(int keep, CancellationToken cancellationToken) =>
        StoreErrors.GuardAsync(Location, async () =>
        {
            await using var transaction = connection.BeginTransaction();
            var deleted = await table.PruneAsync(keep, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return deleted;
        });

    /// <inheritdoc />
    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
