namespace RagGate.Server.Rollouts.Control;

/// <summary>A revision that serves: its address, and the process behind it when the controller started one.</summary>
public sealed class RunningRevision(Uri address, RevisionProcess? process) : IAsyncDisposable
{
    /// <summary>Where it listens.</summary>
    public Uri Address { get; } = address;

    /// <summary>The child process, or null for a revision given by URL.</summary>
    public RevisionProcess? Process { get; } = process;

    /// <summary>Stops the child process, if any (SIGTERM, then SIGKILL).</summary>
    public ValueTask DisposeAsync() => Process?.DisposeAsync() ?? ValueTask.CompletedTask;
}
