namespace RagGate.History.Storage;

/// <summary>
/// Where runs are remembered: each evaluation recorded whole (in one transaction) with its verdict, scorecard,
/// system identity and run.json, so baselines and trends come from history instead of files passed around.
/// </summary>
public interface IRunStore : IAsyncDisposable
{
    /// <summary>The location, for messages (a PostgreSQL URL without its password).</summary>
    string Location { get; }

    /// <summary>Records a run and returns its id; either all of it is stored or nothing.</summary>
    Task<long> RecordAsync(RunEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest runs first, of one branch or of all (<paramref name="branch"/> null), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<StoredRun>> ListAsync(string? branch, int limit, CancellationToken cancellationToken);

    /// <summary>One run with its report.json and run.json, or null when there is no run with that id.</summary>
    Task<StoredRun?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The newest run of <paramref name="branch"/> (only passing ones when <paramref name="passingOnly"/>), or null.</summary>
    Task<StoredRun?> FindLatestAsync(string branch, bool passingOnly, CancellationToken cancellationToken);

    /// <summary>Deletes all but the newest <paramref name="keep"/> runs of each branch; returns how many were deleted.</summary>
    Task<int> PruneAsync(int keep, CancellationToken cancellationToken);
}
