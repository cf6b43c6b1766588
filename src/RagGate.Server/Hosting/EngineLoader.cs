using System.Diagnostics;
using RagGate.Engine.Configuration;
using RagGate.Engine.Pipeline;
using RagGate.Server.Observability;

namespace RagGate.Server.Hosting;

/// <summary>
/// Loads (or builds) the configured index and warms the model after the server starts listening, so
/// <c>/healthz</c> answers at once and <c>/readyz</c> says 503 until the engine can serve. Also
/// rebuilds and swaps the engine on <c>POST /admin/reload</c>, one reload at a time.
/// </summary>
internal sealed class EngineLoader(
    RagGateConfig config, EngineHost host, IHostApplicationLifetime lifetime, IndexBuildDisplay display, ILogger<EngineLoader> logger) : BackgroundService
{
    /// <summary>The query used to warm the model and the answerer before serving.</summary>
    internal const string WarmupQuery = "warm up the model";

    private readonly SemaphoreSlim _reloading = new(1, 1);

    /// <summary>Exit code the process should end with when loading failed at start.</summary>
    public static int FailureExitCode => 2;

    /// <summary>Rebuilds (when the corpus changed) or reloads the index and swaps it in; null when a reload is already running.</summary>
    public async Task<RagEngine?> ReloadAsync(CancellationToken cancellationToken)
    {
        if (!await _reloading.WaitAsync(0, cancellationToken)) return null;
        try
        {
            var engine = await OpenWarmAsync(cancellationToken);
            host.Swap(engine);
            return engine;
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _reloading.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _reloading.WaitAsync(stoppingToken);
            try
            {
                host.Swap(await OpenWarmAsync(stoppingToken));
            }
            finally
            {
                _reloading.Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is RagGate.Evaluation.InputException or IOException or UnauthorizedAccessException)
        {
            // A bad corpus or index is the config's fault: one line, exit 2, like every other command.
            host.LoadError = e.Message;
            ServerLog.LoadFailed(logger, e.Message);
            lifetime.StopApplication();
        }
    }

    private async Task<RagEngine> OpenWarmAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var lastDecile = -1;
        var progress = display.Progress ?? new Progress<(int Done, int Total)>(p =>
        {
            var decile = p.Total == 0 ? 10 : p.Done * 10 / p.Total;
            if (decile == Interlocked.Exchange(ref lastDecile, decile)) return;
            ServerLog.Embedding(logger, p.Done, p.Total);
        });
        var engine = await RagEngine.OpenAsync(config, null, progress, cancellationToken, serving: true);
        try
        {
            // Load the ONNX session and run the answerer once, so the first user does not pay for it.
            await engine.Pipeline.QueryWithUsageAsync(WarmupQuery, cancellationToken);
        }
        catch
        {
            engine.Dispose();
            throw;
        }

        ServerLog.Ready(logger, engine.Index.Manifest.DocumentCount, engine.Index.Manifest.ChunkCount, engine.Embedder?.Model.Id ?? "no embedding model (BM25 only)", clock.Elapsed.TotalSeconds);
        return engine;
    }
}
