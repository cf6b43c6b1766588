using RagGate.Engine.Pipeline;

namespace RagGate.Server.Hosting;

/// <summary>One request's hold on the engine it started with; disposing it releases the hold.</summary>
internal sealed class EngineLease(ServedEngine served) : IDisposable
{
    private int _disposed;

    public RagEngine Engine => served.Engine;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) served.Release();
    }
}
