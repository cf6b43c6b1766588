using System.Diagnostics;
using RagGate.Evaluation.Config;
using RagGate.Server.Observability;

namespace RagGate.Server.Faults;

/// <summary>
/// Decides, request by request, which configured fault hits it: the crash (once the request count is
/// over the limit), the added latency, and a 500 drawn from a seeded generator.
/// </summary>
internal sealed class FaultInjector(FaultSettings settings, TimeProvider time, ILogger<FaultInjector> logger)
{
    private readonly Random _random = new(settings.Seed);
    private readonly Lock _gate = new();
    private long _requests;

    /// <summary>The settings in force.</summary>
    public FaultSettings Settings => settings;

    /// <summary>Applies the faults to one request: true when it must be answered 500.</summary>
    public async Task<bool> ApplyAsync(CancellationToken cancellationToken)
    {
        var count = Interlocked.Increment(ref _requests);
        if (settings.CrashAfterRequests is { } limit && count > limit)
        {
            ServerLog.Crashing(logger, limit);
            // The console logger writes on a background thread that dies with the process: say it on stderr first.
            await Console.Error.WriteLineAsync($"raggate: crashing on purpose after {limit} requests (faults.crash_after_requests)");
            await Console.Error.FlushAsync(cancellationToken);
            // SIGKILL to itself: no graceful shutdown, in-flight requests are cut, as in a real crash.
            Process.GetCurrentProcess().Kill();
        }

        if (settings.LatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(settings.LatencyMs), time, cancellationToken);
        }

        if (settings.ErrorRate <= 0) return false;
        lock (_gate)
        {
            return _random.NextDouble() < settings.ErrorRate;
        }
    }
}
