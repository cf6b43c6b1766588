using System.Data.Common;
using Microsoft.Data.Sqlite;
using RagGate.History.Storage;

namespace RagGate.History.Sqlite;

/// <summary>The history in one SQLite file (the default, <c>.raggate/history.db</c>).</summary>
public static class SqliteRunStore
{
    /// <summary>Opens the file (created with its folder when missing) and brings its schema up to date.</summary>
    public static Task<IRunStore> OpenAsync(string path, CancellationToken cancellationToken) =>
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

                // BeginTransaction() is BEGIN IMMEDIATE here too: two runs recording at once queue for the lock
                // instead of both reading under a deferred transaction and one failing on upgrade.
                return (IRunStore)new SqlRunStore(connection, path, _ => Task.FromResult<DbTransaction>(connection.BeginTransaction()));
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        });
}
