using System.Threading.Channels;

namespace RagGate.Engine.Embeddings;

/// <summary>
/// Opportunistic batching of single-query embeddings for a server: one loop runs the model, and
/// every query that arrived while the previous batch ran goes into the next one. A lone query
/// waits for nothing (no timer, no minimum batch), so latency at low load is a single run's; under
/// load one ONNX run serves many requests. On 2 cores, concurrent single-row runs of one session
/// fight over the same intra-op threads (each run spins its own workers), which is where a third of
/// the embedding rate went; one run at a time over a batch uses both cores for all of them.
/// </summary>
internal sealed class QueryBatcher : IDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<long[]>, (float[][] Vectors, TimeSpan Elapsed)> _run;
    private readonly EmbeddingStatistics _statistics;
    private readonly int _maxBatch;
    private readonly Task _loop;

    public QueryBatcher(Func<IReadOnlyList<long[]>, (float[][] Vectors, TimeSpan Elapsed)> run, EmbeddingStatistics statistics, int maxBatch)
    {
        _run = run;
        _statistics = statistics;
        _maxBatch = Math.Max(1, maxBatch);
        _loop = Task.Factory.StartNew(Loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Largest batch run so far (for benchmarks and tests).</summary>
    public int LargestBatch { get; private set; }

    /// <summary>The unit vector of one encoded query, from whichever batch it joins.</summary>
    public Task<float[]> EmbedAsync(long[] tokens, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(tokens, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(QueryBatcher));
        }

        // A caller cancelled mid-run (a request timeout) returns at once; its row's result is dropped.
        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Wait();
    }

    private async Task Loop()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(_maxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && reader.TryRead(out var pending))
            {
                // A request cancelled while it waited is not worth a row of the batch.
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Result.TrySetCanceled(pending.CancellationToken);
                }
                else
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                RunBatch(batch);
            }
        }
    }

    private void RunBatch(List<Pending> batch)
    {
        try
        {
            var rows = batch.Select(p => p.Tokens).ToArray();
            var (vectors, elapsed) = _run(rows);
            _statistics.AddInference(rows.Length, rows.Sum(r => (long)r.Length), elapsed);
            LargestBatch = Math.Max(LargestBatch, rows.Length);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(vectors[i]);
            }
        }
        catch (Exception exception)
        {
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(exception);
            }
        }
    }

    private sealed record Pending(long[] Tokens, CancellationToken CancellationToken)
    {
        // Continuations run on the thread pool, never inline on the model's loop.
        public TaskCompletionSource<float[]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
