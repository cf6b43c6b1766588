namespace RagGate.Server.Rollouts.Routing;

/// <summary>
/// Buckets to revisions: the lowest canary-weight buckets go to the canary, the next baseline-weight ones
/// to the baseline, the rest to stable. A higher canary weight only adds buckets to the canary.
/// </summary>
internal static class WeightedBuckets
{
    public static string Revision(int bucket, TrafficSplit split)
    {
        var canary = (int)Math.Round(split.CanaryWeight * StickyHash.Buckets / 100);
        if (bucket < canary) return Revisions.Canary;
        var baseline = (int)Math.Round(split.BaselineWeight * StickyHash.Buckets / 100);
        return bucket < canary + baseline ? Revisions.Baseline : Revisions.Stable;
    }
}
