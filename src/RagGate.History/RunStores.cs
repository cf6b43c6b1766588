using RagGate.History.Postgres;
using RagGate.History.Sqlite;
using RagGate.History.Storage;

namespace RagGate.History;

/// <summary>Opens the store a location names, creating or migrating its schema.</summary>
public static class RunStores
{
    /// <summary>Opens (and creates or migrates) the store; bad input, an unreachable server or a newer schema throw an <see cref="Evaluation.InputException"/>.</summary>
    public static async Task<IRunStore> OpenAsync(RunStoreLocation location, CancellationToken cancellationToken) =>
        location.SqlitePath is { } path
            ? await SqliteRunStore.OpenAsync(path, cancellationToken)
            : await PostgresRunStore.OpenAsync(location.PostgresConnectionString!, location.Display, cancellationToken);
}
