using System.Diagnostics;
using System.Text;

namespace RagGate.Benchmarks;

/// <summary>
/// An open-loop run at a fixed rate (wrk has none): request i is due at i/rate seconds, and its
/// latency counts from when it was due, so a slow server cannot hide its queueing (no coordinated omission).
/// </summary>
internal sealed record OpenLoopRun(double Rate, int Requests, double P50Ms, double P99Ms, int Errors)
{
    public static async Task<OpenLoopRun> RunAsync(Uri url, string jsonBody, double rate, int seconds)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };
        // Two unrecorded seconds at the same rate first: this client's own first calls (JIT of the HTTP
        // stack, opening its connections) are slow, and at 300 req/s over 10 s the 1% tail is only
        // 30 requests, so without this the p99 measured the client's start, not the server.
        await RunAsync(client, url, jsonBody, rate, Math.Max(1, (int)(rate * 2)));
        return await RunAsync(client, url, jsonBody, rate, (int)(rate * seconds));
    }

    private static async Task<OpenLoopRun> RunAsync(HttpClient client, Uri url, string jsonBody, double rate, int count)
    {
        var latencies = new double[count];
        var errors = 0;
        var start = Stopwatch.GetTimestamp();
        var calls = new Task[count];
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var index = i;
            calls[i] = Task.Run(async () =>
            {
                try
                {
                    using var content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync(url, content);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = (Stopwatch.GetElapsedTime(start) - due).TotalMilliseconds;
            });
        }

        await Task.WhenAll(calls);
        Array.Sort(latencies);
        return new OpenLoopRun(rate, count, latencies[count / 2], latencies[Math.Min(count - 1, (int)Math.Ceiling(count * 0.99) - 1)], errors);
    }
}
