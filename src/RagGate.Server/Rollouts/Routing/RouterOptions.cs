namespace RagGate.Server.Rollouts.Routing;

/// <summary>Where the router listens and how it treats a failing revision.</summary>
public sealed record RouterOptions
{
    /// <summary>The address to listen on; loopback, port 0 picks a free one.</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    /// <summary>How long a revision that failed the passive health check stays out of rotation before it is tried again.</summary>
    public TimeSpan ReactivationPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock the statistics are stamped with.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
