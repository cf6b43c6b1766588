using RagGate.Engine.Pipeline;

namespace RagGate.Server.Hosting;

/// <summary>
/// Holds the engine being served. Null until the index is loaded and the model warm (readiness);
/// <see cref="Swap"/> replaces it atomically while requests that started on the old one finish on it.
/// </summary>
internal sealed class EngineHost : IDisposable
{
    private ServedEngine? _current;

    /// <summary>True once an engine is loaded and warm.</summary>
    public bool IsReady => Volatile.Read(ref _current) is not null;

    /// <summary>Why loading failed at start, or null.</summary>
    public string? LoadError { get; set; }

    /// <summary>The engine now served, for identity and metrics (not for queries: use <see cref="TryAcquire"/>).</summary>
    public RagEngine? Current => Volatile.Read(ref _current)?.Engine;

    /// <summary>A hold on the current engine for one request, or null while none is loaded.</summary>
    public EngineLease? TryAcquire()
    {
        while (Volatile.Read(ref _current) is { } served)
        {
            if (served.TryAcquire()) return new EngineLease(served);
            // Retired between the read and the acquire: the swap has published its successor; read again.
        }

        return null;
    }

    /// <summary>Serves <paramref name="engine"/> from now on; the previous engine is disposed after its last request.</summary>
    public void Swap(RagEngine engine) => Interlocked.Exchange(ref _current, new ServedEngine(engine))?.Retire();

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Retire();
}
