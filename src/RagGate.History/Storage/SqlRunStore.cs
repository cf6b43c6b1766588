using System.Data.Common;

namespace RagGate.History.Storage;

/// <summary>
/// A store over one open connection, the same for SQLite and PostgreSQL once the connection is open and the
/// schema migrated: every call runs <see cref="RunTable"/>'s statements, writes inside one transaction, and any
/// failure of the database becomes one line naming the store (<see cref="StoreErrors"/>).
/// </summary>
/// <param name="connection">The open connection, owned (disposed) by the store.</param>
/// <param name="location">The store's name in messages.</param>
/// <param name="beginWrite">Starts a write transaction the way the database needs it (see the openers).</param>
internal sealed class SqlRunStore(DbConnection connection, string location, Func<CancellationToken, Task<DbTransaction>> beginWrite) : IRunStore
{
    private readonly RunTable _table = new(connection);

    /// <inheritdoc />
    public string Location => location;

    /// <inheritdoc />
    public Task<long> RecordAsync(RunEntry entry, CancellationToken cancellationToken) =>
        InTransactionAsync(transaction => _table.InsertAsync(entry, transaction, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredRun>> ListAsync(string? branch, int limit, CancellationToken cancellationToken) =>
        StoreErrors.GuardAsync(Location, () => _table.ListAsync(branch, limit, cancellationToken));

    /// <inheritdoc />
    public Task<StoredRun?> GetAsync(long id, CancellationToken cancellationToken) =>
        StoreErrors.GuardAsync(Location, () => _table.GetAsync(id, cancellationToken));

    /// <inheritdoc />
    public Task<StoredRun?> FindLatestAsync(string branch, bool passingOnly, CancellationToken cancellationToken) =>
        StoreErrors.GuardAsync(Location, () => _table.FindLatestAsync(branch, passingOnly, cancellationToken));

    /// <inheritdoc />
    public Task<int> PruneAsync(int keep, CancellationToken cancellationToken) =>
        InTransactionAsync(transaction => _table.PruneAsync(keep, transaction, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private Task<T> InTransactionAsync<T>(Func<DbTransaction, Task<T>> write, CancellationToken cancellationToken) =>
        StoreErrors.GuardAsync(Location, async () =>
        {
            await using var transaction = await beginWrite(cancellationToken);
            var result = await write(transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
}
