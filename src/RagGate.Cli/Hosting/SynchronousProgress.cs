namespace RagGate.Cli.Hosting;

/// <summary>
/// Reports on the caller's thread, in the order reported: <see cref="Progress{T}"/> posts each report to
/// the thread pool, where a warm-up report can overtake the first measured one and a line can come out of order.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
