using RagGate.Engine.Embeddings;

namespace RagGate.Engine.Tests.Embeddings;

public sealed class QueryBatcherTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EmbedAsync_QueriesArrivingDuringARun_ShareTheNextRun()
    {
        using var model = new GatedModel();
        using var batcher = new QueryBatcher(model.Run, new EmbeddingStatistics(), maxBatch: 8);

        var first = batcher.EmbedAsync([1], CancellationToken.None);
        await model.Started.WaitAsync(Wait);
        var waiting = Enumerable.Range(2, 5).Select(i => batcher.EmbedAsync([i], CancellationToken.None)).ToArray();
        model.Release();

        Assert.Equal(1f, (await first.WaitAsync(Wait))[0]);
        var vectors = await Task.WhenAll(waiting).WaitAsync(Wait);
        Assert.Equal([2f, 3f, 4f, 5f, 6f], vectors.Select(v => v[0]));
        Assert.Equal([1, 5], model.BatchSizes);
        Assert.Equal(5, batcher.LargestBatch);
    }

    [Fact]
    public async Task EmbedAsync_MoreWaitingThanMaxBatch_SplitsIntoRunsOfAtMostMaxBatch()
    {
        using var model = new GatedModel();
        using var batcher = new QueryBatcher(model.Run, new EmbeddingStatistics(), maxBatch: 3);

        var first = batcher.EmbedAsync([0], CancellationToken.None);
        await model.Started.WaitAsync(Wait);
        var waiting = Enumerable.Range(1, 7).Select(i => batcher.EmbedAsync([i], CancellationToken.None)).ToArray();
        model.Release();

        await Task.WhenAll([first, .. waiting]).WaitAsync(Wait);
        Assert.Equal([1, 3, 3, 1], model.BatchSizes);
    }

    [Fact]
    public async Task EmbedAsync_CancelledWhileWaiting_IsCancelledAndLeftOutOfTheRun()
    {
        using var model = new GatedModel();
        using var batcher = new QueryBatcher(model.Run, new EmbeddingStatistics(), maxBatch: 8);
        using var cancel = new CancellationTokenSource();

        var first = batcher.EmbedAsync([1], CancellationToken.None);
        await model.Started.WaitAsync(Wait);
        var cancelled = batcher.EmbedAsync([2], cancel.Token);
        var kept = batcher.EmbedAsync([3], CancellationToken.None);
        await cancel.CancelAsync();
        model.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Wait));
        Assert.Equal(3f, (await kept.WaitAsync(Wait))[0]);
        await first.WaitAsync(Wait);
        Assert.Equal([1, 1], model.BatchSizes);
    }

    [Fact]
    public async Task EmbedAsync_RunThrows_FailsThatBatchAndServesTheNext()
    {
        using var model = new GatedModel { FailFirst = true };
        using var batcher = new QueryBatcher(model.Run, new EmbeddingStatistics(), maxBatch: 8);

        var failed = batcher.EmbedAsync([1], CancellationToken.None);
        await model.Started.WaitAsync(Wait);
        model.Release();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failed.WaitAsync(Wait));

        Assert.Equal("model failed", error.Message);
        Assert.Equal(2f, (await batcher.EmbedAsync([2], CancellationToken.None).WaitAsync(Wait))[0]);
    }

    [Fact]
    public async Task EmbedAsync_Statistics_CountEveryQueryAndToken()
    {
        var statistics = new EmbeddingStatistics();
        using var model = new GatedModel();
        using var batcher = new QueryBatcher(model.Run, statistics, maxBatch: 8);
        model.Release();

        await batcher.EmbedAsync([1, 2, 3], CancellationToken.None).WaitAsync(Wait);
        await batcher.EmbedAsync([4, 5], CancellationToken.None).WaitAsync(Wait);

        Assert.Equal((2L, 5L), (statistics.Inferences, statistics.TokensEmbedded));
    }

    /// <summary>A model whose first run waits until the test releases it; each vector is the row's first token.</summary>
    private sealed class GatedModel : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(0);
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _runs;

        public bool FailFirst { get; init; }

        public Task Started => _started.Task;

        public List<int> BatchSizes { get; } = [];

        public void Release() => _gate.Release();

        public (float[][] Vectors, TimeSpan Elapsed) Run(IReadOnlyList<long[]> rows)
        {
            if (Interlocked.Increment(ref _runs) == 1)
            {
                _started.SetResult();
                _gate.Wait(Wait);
                if (FailFirst) throw new InvalidOperationException("model failed");
            }

            lock (BatchSizes) BatchSizes.Add(rows.Count);
            return (rows.Select(r => new float[] { r[0] }).ToArray(), TimeSpan.FromMilliseconds(1));
        }

        public void Dispose() => _gate.Dispose();
    }
}
