namespace RagGate.Server.Rollouts.Traffic;

/// <summary>What a traffic source sent and what its clients saw, per revision that answered (the router's <c>X-RagGate-Revision</c>).</summary>
public sealed class TrafficReport
{
    private readonly Dictionary<(string Revision, int Status), int> _responses = [];
    private int _sent;
    private int _transportErrors;

    /// <summary>Requests sent.</summary>
    public int Sent => Volatile.Read(ref _sent);

    /// <summary>Requests that got no HTTP response at all (connection refused, reset, timeout).</summary>
    public int TransportErrors => Volatile.Read(ref _transportErrors);

    /// <summary>Responses by revision and status.</summary>
    public IReadOnlyDictionary<(string Revision, int Status), int> Responses
    {
        get
        {
            lock (_responses) return new Dictionary<(string, int), int>(_responses);
        }
    }

    /// <summary>Responses from <paramref name="revision"/> with status 500 or above.</summary>
    public int Errors(string revision) => Responses.Where(r => r.Key.Revision == revision && r.Key.Status >= 500).Sum(r => r.Value);

    /// <summary>Responses from <paramref name="revision"/>.</summary>
    public int Answered(string revision) => Responses.Where(r => r.Key.Revision == revision).Sum(r => r.Value);

    internal void CountSent() => Interlocked.Increment(ref _sent);

    internal void CountTransportError() => Interlocked.Increment(ref _transportErrors);

    internal void Count(string revision, int status)
    {
        lock (_responses)
        {
            _responses[(revision, status)] = _responses.GetValueOrDefault((revision, status)) + 1;
        }
    }
}
