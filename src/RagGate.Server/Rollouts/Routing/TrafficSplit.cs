using System.Globalization;

namespace RagGate.Server.Rollouts.Routing;

/// <summary>
/// The split in force: the canary's share of traffic and the baseline's (each in percent), the named
/// policy that assigns requests, and where a user's key is read from. Kept in the router cluster's
/// metadata, so a weight change is one update of YARP's in-memory config.
/// </summary>
public sealed record TrafficSplit
{
    private const string CanaryKey = "raggate.split.canary";
    private const string BaselineKey = "raggate.split.baseline";
    private const string PolicyKey = "raggate.split.policy";
    private const string HeaderKey = "raggate.split.header";
    private const string CookieKey = "raggate.split.cookie";

    /// <summary>The canary's share, 0 to 100 percent.</summary>
    public double CanaryWeight { get; init; }

    /// <summary>The baseline's share, 0 to 100 percent (taken from stable's; the sum with the canary's is at most 100).</summary>
    public double BaselineWeight { get; init; }

    /// <summary>The name of the <see cref="ITrafficSplitPolicy"/> that assigns requests.</summary>
    public string Policy { get; init; } = TrafficSplitPolicies.StickyHash;

    /// <summary>The request header that carries a user's key.</summary>
    public string KeyHeader { get; init; } = "X-RagGate-User";

    /// <summary>The cookie that carries a user's key when the header is absent (set on the first response).</summary>
    public string KeyCookie { get; init; } = "raggate-user";

    /// <summary>The metadata that stores this split in the router's cluster config.</summary>
    public IReadOnlyDictionary<string, string> ToMetadata() => new Dictionary<string, string>
    {
        [CanaryKey] = CanaryWeight.ToString("R", CultureInfo.InvariantCulture),
        [BaselineKey] = BaselineWeight.ToString("R", CultureInfo.InvariantCulture),
        [PolicyKey] = Policy,
        [HeaderKey] = KeyHeader,
        [CookieKey] = KeyCookie,
    };

    /// <summary>Reads a split back from cluster metadata.</summary>
    public static TrafficSplit FromMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null) return new TrafficSplit();
        string? Get(string key) => metadata.TryGetValue(key, out var value) ? value : null;
        var defaults = new TrafficSplit();
        return new TrafficSplit
        {
            CanaryWeight = double.Parse(Get(CanaryKey) ?? "0", CultureInfo.InvariantCulture),
            BaselineWeight = double.Parse(Get(BaselineKey) ?? "0", CultureInfo.InvariantCulture),
            Policy = Get(PolicyKey) ?? defaults.Policy,
            KeyHeader = Get(HeaderKey) ?? defaults.KeyHeader,
            KeyCookie = Get(CookieKey) ?? defaults.KeyCookie,
        };
    }
}
