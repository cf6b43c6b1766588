namespace RagGate.Server.Rollouts.Routing;

/// <summary>Assigns each request at random in the split's proportions (no stickiness).</summary>
internal sealed class RandomSplitPolicy : ITrafficSplitPolicy
{
    public string Name => TrafficSplitPolicies.Random;

    public string Pick(HttpContext context, TrafficSplit split) =>
        WeightedBuckets.Revision(System.Random.Shared.Next(StickyHash.Buckets), split);
}
