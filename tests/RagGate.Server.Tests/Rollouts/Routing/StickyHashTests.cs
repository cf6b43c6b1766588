using RagGate.Server.Rollouts.Routing;

namespace RagGate.Server.Tests.Rollouts.Routing;

/// <summary>The sticky split's arithmetic: 10% of keys is 10% (within 1% over 10,000 keys), and raising the weight only moves users from stable to canary.</summary>
public sealed class StickyHashTests
{
    public static TheoryData<string> KeyShapes() => ["user-{0}", "{0}", "{0:D8}@example.com"];

    [Theory]
    [MemberData(nameof(KeyShapes))]
    public void Bucket_10000SequentialKeysAtTenPercent_WithinOnePercent(string shape)
    {
        var split = new TrafficSplit { CanaryWeight = 10 };

        var canary = Enumerable.Range(0, 10_000).Count(i => Revision(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, i), split) == Revisions.Canary);

        Assert.InRange(canary, 900, 1100);
    }

    [Fact]
    public void Bucket_10000RandomKeys_EachWeightWithinOnePercent()
    {
        var keys = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var weight in new[] { 1.0, 5, 10, 25, 50 })
        {
            var split = new TrafficSplit { CanaryWeight = weight };

            var share = keys.Count(k => Revision(k, split) == Revisions.Canary) / 100.0;

            Assert.InRange(share, weight - 1, weight + 1);
        }
    }

    [Fact]
    public void RaiseWeight_OnlyMovesUsersFromStableToCanary()
    {
        var keys = Enumerable.Range(0, 10_000).Select(i => $"user-{i}").ToList();
        var previous = keys.ToDictionary(k => k, _ => Revisions.Stable);
        foreach (var weight in new[] { 0.0, 1, 5, 10, 20, 50, 80, 100 })
        {
            var split = new TrafficSplit { CanaryWeight = weight };
            foreach (var key in keys)
            {
                var now = Revision(key, split);
                Assert.False(previous[key] == Revisions.Canary && now != Revisions.Canary, $"{key} left the canary at {weight}%");
                previous[key] = now;
            }
        }

        Assert.All(previous.Values, r => Assert.Equal(Revisions.Canary, r));
    }

    [Fact]
    public void Baseline_SameWeightAsCanary_SameShareFromStable()
    {
        var split = new TrafficSplit { CanaryWeight = 10, BaselineWeight = 10 };

        var counts = Enumerable.Range(0, 10_000).GroupBy(i => Revision($"user-{i}", split)).ToDictionary(g => g.Key, g => g.Count());

        Assert.InRange(counts[Revisions.Canary], 900, 1100);
        Assert.InRange(counts[Revisions.Baseline], 900, 1100);
        Assert.InRange(counts[Revisions.Stable], 7800, 8200);
    }

    [Fact]
    public void Bucket_KeyLongerThanTheStackBuffer_InRange()
    {
        Assert.InRange(StickyHash.Bucket(new string('x', 10_000)), 0, StickyHash.Buckets - 1);
    }

    private static string Revision(string key, TrafficSplit split) => WeightedBuckets.Revision(StickyHash.Bucket(key), split);
}
