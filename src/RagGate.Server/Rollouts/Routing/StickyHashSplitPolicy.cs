namespace RagGate.Server.Rollouts.Routing;

/// <summary>
/// Assigns a user by the hash of their key: the <see cref="TrafficSplit.KeyHeader"/> header, else the
/// <see cref="TrafficSplit.KeyCookie"/> cookie, else a new random key sent back in that cookie.
/// </summary>
internal sealed class StickyHashSplitPolicy : ITrafficSplitPolicy
{
    public string Name => TrafficSplitPolicies.StickyHash;

    public string Pick(HttpContext context, TrafficSplit split)
    {
        var request = context.Request;
        string? key = request.Headers[split.KeyHeader];
        if (string.IsNullOrEmpty(key)) key = request.Cookies[split.KeyCookie];
        if (string.IsNullOrEmpty(key))
        {
            key = Guid.NewGuid().ToString("N");
            context.Response.Cookies.Append(split.KeyCookie, key, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
        }

        return WeightedBuckets.Revision(StickyHash.Bucket(key), split);
    }
}
