namespace RagGate.Server.Rollouts.Routing;

/// <summary>The names of the built-in traffic split policies.</summary>
public static class TrafficSplitPolicies
{
    /// <summary>Sticky: a user's key (header or cookie) hashed to a bucket; raising the weight only moves users from stable to canary.</summary>
    public const string StickyHash = "sticky-hash";

    /// <summary>Each request drawn at random: the same shares, without stickiness.</summary>
    public const string Random = "random";
}
