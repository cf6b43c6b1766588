using System.Net;
using RagGate.Evaluation.Targets;
using RagGate.Server.Rollouts.Routing;

namespace RagGate.Server.Rollouts.Traffic;

/// <summary>
/// Traffic when there are no users (as Flagger's load tester): replays queries through the router at a
/// fixed rate (open loop: request i starts at i / rate, whatever the earlier ones are doing), as many
/// simulated users, until the request count, the duration or the token ends it. Loopback only.
/// </summary>
public sealed class TrafficSource(TrafficOptions options, TimeProvider time)
{
    /// <summary>What was sent and answered so far (live while <see cref="RunAsync"/> runs).</summary>
    public TrafficReport Report { get; } = new();

    /// <summary>Sends the traffic; returns when it is bounded out or cancelled, after the requests in flight end.</summary>
    public async Task<TrafficReport> RunAsync(CancellationToken cancellationToken)
    {
        if (!IsLoopback(options.Target))
        {
            throw new ArgumentException($"traffic target {options.Target} is not on loopback; expected 127.0.0.1, ::1 or localhost", nameof(options));
        }

        using var handler = new SocketsHttpHandler { UseProxy = false, UseCookies = false, MaxConnectionsPerServer = options.MaxInFlight };
        using var client = new HttpClient(handler) { BaseAddress = options.Target, Timeout = TimeSpan.FromSeconds(30) };
        using var slots = new SemaphoreSlim(options.MaxInFlight);
        var inFlight = new List<Task>();
        var start = time.GetTimestamp();
        try
        {
            for (var i = 0; i < options.MaxRequests; i++)
            {
                var due = TimeSpan.FromSeconds(i / options.Rate);
                if (due >= options.MaxDuration) break;
                var wait = due - time.GetElapsedTime(start);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
                await slots.WaitAsync(cancellationToken);
                inFlight.Add(SendAsync(client, i, slots, cancellationToken));
                if (inFlight.Count > 4 * options.MaxInFlight) inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(inFlight);
        return Report;
    }

    private async Task SendAsync(HttpClient client, int index, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            var query = options.Queries[index % options.Queries.Count];
            using var request = new HttpRequestMessage(HttpMethod.Post, options.Route.TrimStart('/'))
            {
                Content = options.Route.EndsWith("answer", StringComparison.Ordinal)
                    ? JsonContent.Create(new HttpAnswerRequest(query))
                    : JsonContent.Create(new HttpRetrieveRequest(query, 5)),
            };
            request.Headers.Add(options.KeyHeader, $"user-{index % options.Users}");
            Report.CountSent();
            using var response = await client.SendAsync(request, cancellationToken);
            var revision = response.Headers.TryGetValues(CanaryHeader.Served, out var values) ? values.First() : "unknown";
            Report.Count(revision, (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Report.CountTransportError();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            slots.Release();
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
