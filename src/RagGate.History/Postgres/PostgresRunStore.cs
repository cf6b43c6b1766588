using Npgsql;
using RagGate.History.Storage;

namespace RagGate.History.Postgres;

/// <summary>The history in a PostgreSQL database, for a team whose CI runners share one store.</summary>
public sealed class PostgresRunStore : IRunStore
{
    // pg_advisory_xact_lock key for schema migrations ("RAGGATE" in ASCII); held until the transaction ends.
    private const long MigrationLock = 0x52_41_47_47_41_54_45;

    private readonly NpgsqlConnection connection;
    private readonly RunTable table;

    private PostgresRunStore(NpgsqlConnection connection, string location)
    {
        this.connection = connection;
        Location = location;
        table = new RunTable(connection);
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>Connects and brings the schema up to date; <paramref name="location"/> names the store in errors.</summary>
    public static Task<PostgresRunStore> OpenAsync(string connectionString, string location, CancellationToken cancellationToken) =>
        StoreErrors.GuardAsync(location, async () =>
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
                {
                    // CREATE TABLE IF NOT EXISTS races between two sessions (a unique violation in pg_type): the lock serializes them.
                    await Sql.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", [("key", MigrationLock)], cancellationToken);
                    await HistorySchema.MigrateAsync(connection, transaction, SqlDialect.Postgres, location, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                return new PostgresRunStore(connection, location);
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
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
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
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var deleted = await table.PruneAsync(keep, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return deleted;
        });

    /// <inheritdoc />
    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
