namespace RagGate.Server.Rollouts.Routing;

/// <summary>
/// <c>X-Canary</c>: forces a request to one revision, bypassing the split. A forced revision that is down
/// answers 503; the request never falls back to another revision silently.
/// </summary>
public static class CanaryHeader
{
    /// <summary>The header's name.</summary>
    public const string Name = "X-Canary";

    /// <summary>Send the request to the canary.</summary>
    public const string Always = "always";

    /// <summary>Send the request to stable.</summary>
    public const string Never = "never";

    /// <summary>Send the request to the baseline (the judge's probes, when the rollout has one).</summary>
    public const string Baseline = "baseline";

    /// <summary>The response header that says which revision answered.</summary>
    public const string Served = "X-RagGate-Revision";

    /// <summary>The revision a header value forces, or null for an unknown value.</summary>
    public static string? Revision(string value) => value.ToLowerInvariant() switch
    {
        Always => Revisions.Canary,
        Never => Revisions.Stable,
        Baseline => Revisions.Baseline,
        _ => null,
    };
}
