using RagGate.Engine.Indexing;

namespace RagGate.Engine.Tests.Indexing;

public sealed class RrfFusionTests
{
    [Fact]
    public void Fuse_TwoRankings_SumsReciprocalRanks()
    {
        IReadOnlyList<string>[] rankings = [["a", "b", "c"], ["c", "a", "d"]];

        var fused = RrfFusion.Fuse(rankings);

        Assert.Equal(["a", "c", "b", "d"], fused.Select(p => p.Key));
        Assert.Equal((1.0 / 61) + (1.0 / 62), fused[0].Value, 1e-12);
        Assert.Equal((1.0 / 63) + (1.0 / 61), fused[1].Value, 1e-12);
        Assert.Equal(1.0 / 62, fused[2].Value, 1e-12);
        Assert.Equal(1.0 / 63, fused[3].Value, 1e-12);
    }

    [Fact]
    public void Fuse_EqualScores_OrderedAsTrecEvalBreaksTies()
    {
        IReadOnlyList<string>[] rankings = [["y", "b"], ["x", "a"]];

        var fused = RrfFusion.Fuse(rankings, k: 1);

        // trec_eval ranks equal scores by id descending, so the fused order is the order scored.
        Assert.Equal(["y", "x", "b", "a"], fused.Select(p => p.Key));
        Assert.Equal(0.5, fused[0].Value, 12);
    }
}
