using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Control;

/// <summary>Serves a config revision with a <c>raggate serve</c> child process on loopback; a URL revision is used as it is.</summary>
/// <param name="command">How to start <c>raggate serve</c>.</param>
/// <param name="allowFaults">Pass <c>--allow-faults</c> on (drills: a canary config with a <c>faults:</c> section).</param>
public sealed class ProcessRevisionHost(ServeCommandLine command, bool allowFaults) : IRevisionHost
{
    /// <summary>How long a revision may take to load its index and warm its model.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public async Task<RunningRevision> StartAsync(RevisionSource source, CancellationToken cancellationToken)
    {
        if (source.Url is { } url) return new RunningRevision(url, null);
        var process = await RevisionProcess.StartAsync(command, source.Config!, allowFaults, ReadyTimeout, cancellationToken);
        return new RunningRevision(process.Address, process);
    }
}
