namespace RagGate.Server.Rollouts.Spec;

/// <summary>
/// Traffic for a rollout with no users (as Flagger's load tester): the golden set's queries replayed through
/// the router at <see cref="Rate"/> requests per second, stopping at <see cref="MaxRequests"/> or
/// <see cref="MaxDuration"/>, whichever comes first. Loopback only.
/// </summary>
public sealed record TrafficSpec
{
    /// <summary>The golden set whose queries are replayed (absolute path); null for the stable config's golden set.</summary>
    public string? GoldenSet { get; init; }

    /// <summary>Requests per second, all revisions together.</summary>
    public double Rate { get; init; } = 20;

    /// <summary>The most requests sent in the whole rollout.</summary>
    public int MaxRequests { get; init; } = 10_000;

    /// <summary>The longest the traffic runs.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The API route the queries are sent to: <c>/retrieve</c> or <c>/answer</c>.</summary>
    public string Route { get; init; } = "/retrieve";
}
