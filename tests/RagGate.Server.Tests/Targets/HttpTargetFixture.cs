using RagGate.Evaluation.Targets;
using RagGate.Server.Tests.EndToEnd;

namespace RagGate.Server.Tests.Targets;

/// <summary>The sample served by <c>raggate serve</c>'s host on a real Kestrel (127.0.0.1, a free port), and an HTTP target for it.</summary>
public sealed class HttpTargetFixture(SampleKb sample) : IAsyncLifetime
{
    private KestrelServer? _server;
    private HttpRagTarget? _target;

    internal HttpRagTarget Target => _target ?? throw new InvalidOperationException("not initialized");

    public async Task InitializeAsync()
    {
        _server = await KestrelServer.StartAsync(sample.WriteConfig("raggate.contract-http.yaml"));
        _target = new HttpRagTarget(_server.Address, TimeSpan.FromSeconds(60), "support-kb", "gpt-4o-mini");
    }

    public async Task DisposeAsync()
    {
        _target?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
