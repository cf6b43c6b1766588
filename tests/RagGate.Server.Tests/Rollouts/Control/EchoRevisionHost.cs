using RagGate.Server.Rollouts.Control;
using RagGate.Server.Rollouts.Spec;
using RagGate.Server.Tests.Rollouts.Routing;

namespace RagGate.Server.Tests.Rollouts.Control;

/// <summary>
/// Test double for the revision host in controller unit tests: each revision is an <see cref="EchoBackend"/>
/// (a real Kestrel server) instead of a <c>raggate serve</c> process, so a whole rollout runs in milliseconds.
/// </summary>
internal sealed class EchoRevisionHost : IRevisionHost, IAsyncDisposable
{
    private readonly List<EchoBackend> _backends = [];

    /// <summary>The sources asked for, in order (stable, canary, then baseline when there is one).</summary>
    public List<string> Started { get; } = [];

    public async Task<RunningRevision> StartAsync(RevisionSource source, CancellationToken cancellationToken)
    {
        var backend = await EchoBackend.StartAsync(source.ToString());
        lock (_backends)
        {
            _backends.Add(backend);
            Started.Add(source.ToString());
        }

        return new RunningRevision(backend.Address, null);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var backend in _backends) await backend.DisposeAsync();
    }
}
