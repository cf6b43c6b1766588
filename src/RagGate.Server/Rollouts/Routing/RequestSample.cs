namespace RagGate.Server.Rollouts.Routing;

/// <summary>One request the router forwarded: when it ended, how long it took, its status, and whether <c>X-Canary</c> forced it.</summary>
/// <param name="At">When the response ended (the router's clock).</param>
/// <param name="LatencyMs">Time from the router receiving the request to the end of the response.</param>
/// <param name="Status">The HTTP status the client got (502/503/504 when the revision could not answer).</param>
/// <param name="Forced">True when <c>X-Canary</c> chose the revision (golden probes), false for split traffic.</param>
public readonly record struct RequestSample(DateTimeOffset At, double LatencyMs, int Status, bool Forced)
{
    /// <summary>A server-side failure: status 500 or above.</summary>
    public bool IsError => Status >= 500;
}
