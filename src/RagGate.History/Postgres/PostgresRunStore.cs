using Npgsql;
using RagGate.History.Storage;

namespace RagGate.History.Postgres;

/// <summary>The history in a PostgreSQL database, for a team whose CI runners share one store.</summary>
public static class PostgresRunStore
{
    // pg_advisory_xact_lock key for schema migrations ("RAGGATE" in ASCII); held until the transaction ends.
    private const long MigrationLock = 0x52_41_47_47_41_54_45;

    /// <summary>Connects and brings the schema up to date; <paramref name="location"/> names the store in errors.</summary>
    public static Task<IRunStore> OpenAsync(string connectionString, string location, CancellationToken cancellationToken) =>
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

                return (IRunStore)new SqlRunStore(connection, location, async token => await connection.BeginTransactionAsync(token));
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        });
}
