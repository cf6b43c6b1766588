using RagGate.Engine.Pipeline;

namespace RagGate.Server.Hosting;

/// <summary>
/// An engine with a count of the requests using it, so a reload can swap in a new one and dispose
/// the old one only when its last in-flight request has finished (no request is dropped).
/// </summary>
internal sealed class ServedEngine(RagEngine engine)
{
    // Starts at 1: the host's own reference, released by Retire.
    private int _references = 1;

    public RagEngine Engine { get; } = engine;

    /// <summary>Takes a reference; false when the engine was retired and drained meanwhile.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current == 0) return false;
            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current) return true;
        }
    }

    /// <summary>Drops a reference; the last one disposes the engine.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0) Engine.Dispose();
    }

    /// <summary>Drops the host's reference: the engine is disposed once in-flight requests finish.</summary>
    public void Retire() => Release();
}
