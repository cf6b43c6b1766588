using RagGate.Engine.Configuration;
using RagGate.Engine.Pipeline;

namespace RagGate.Server.Tests.Targets;

/// <summary>The embedded engine over the sample's index (built once by <see cref="SampleKb"/>), in this process.</summary>
public sealed class EmbeddedTargetFixture(SampleKb sample) : IAsyncLifetime
{
    private RagEngine? _engine;

    internal RagEngine Engine => _engine ?? throw new InvalidOperationException("not initialized");

    public async Task InitializeAsync() =>
        _engine = await RagEngine.OpenAsync(RagGateConfigLoader.Load(sample.WriteConfig("raggate.contract-embedded.yaml")), corpus: null, progress: null);

    public Task DisposeAsync()
    {
        _engine?.Dispose();
        return Task.CompletedTask;
    }
}
