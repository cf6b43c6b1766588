namespace RagGate.Server.Rollouts.Traffic;

/// <summary>How a traffic source replays queries: where, how fast, for how long, as how many users.</summary>
public sealed record TrafficOptions
{
    /// <summary>The router's address; loopback only.</summary>
    public required Uri Target { get; init; }

    /// <summary>The queries, replayed in order and round again.</summary>
    public required IReadOnlyList<string> Queries { get; init; }

    /// <summary>Requests per second.</summary>
    public double Rate { get; init; } = 20;

    /// <summary>The most requests sent.</summary>
    public int MaxRequests { get; init; } = 10_000;

    /// <summary>The longest the source runs.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary><c>/retrieve</c> or <c>/answer</c>.</summary>
    public string Route { get; init; } = "/retrieve";

    /// <summary>Simulated users, each with its own key, so a sticky split sees a population and not one user.</summary>
    public int Users { get; init; } = 1000;

    /// <summary>Requests in flight at most; a source that would exceed it waits, so a slow revision cannot pile up requests without bound.</summary>
    public int MaxInFlight { get; init; } = 64;

    /// <summary>The header carrying each simulated user's key.</summary>
    public string KeyHeader { get; init; } = "X-RagGate-User";
}
