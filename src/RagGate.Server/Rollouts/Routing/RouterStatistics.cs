using System.Collections.Concurrent;

namespace RagGate.Server.Rollouts.Routing;

/// <summary>
/// Every request the router forwarded, per revision, kept in memory (the most recent
/// <see cref="Capacity"/> per revision) so the judge can test whole samples, not only histograms.
/// </summary>
public sealed class RouterStatistics
{
    /// <summary>Samples kept per revision; older ones are dropped first.</summary>
    public const int Capacity = 200_000;

    private readonly ConcurrentDictionary<string, Queue<RequestSample>> _samples = new(StringComparer.Ordinal);

    /// <summary>Records one forwarded request.</summary>
    public void Record(string revision, RequestSample sample)
    {
        var queue = _samples.GetOrAdd(revision, _ => new Queue<RequestSample>());
        lock (queue)
        {
            queue.Enqueue(sample);
            if (queue.Count > Capacity) queue.Dequeue();
        }
    }

    /// <summary>What <paramref name="revision"/> served since <paramref name="since"/>; forced requests (probes) only when asked.</summary>
    public RevisionWindow Window(string revision, DateTimeOffset since, bool includeForced = false)
    {
        if (!_samples.TryGetValue(revision, out var queue)) return new RevisionWindow(revision, 0, 0, []);
        List<RequestSample> samples;
        lock (queue)
        {
            samples = queue.Where(s => s.At >= since && (includeForced || !s.Forced)).ToList();
        }

        return new RevisionWindow(revision, samples.Count, samples.Count(s => s.IsError), samples.Select(s => s.LatencyMs).ToList());
    }
}
