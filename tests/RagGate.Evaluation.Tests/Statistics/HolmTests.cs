using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Tests.Statistics;

public sealed class HolmTests
{
    [Fact]
    public void Adjust_TextbookExample_MatchesHandComputation()
    {
        // Sorted 0.01, 0.02, 0.03, 0.04 times 4, 3, 2, 1 = 0.04, 0.06, 0.06, 0.04 -> running max 0.04, 0.06, 0.06, 0.06.
        double[] p = [0.03, 0.01, 0.04, 0.02];

        var adjusted = Holm.Adjust(p);

        Assert.Equal([0.06, 0.04, 0.06, 0.06], adjusted.Select(a => Math.Round(a, 12)));
    }

    [Fact]
    public void Adjust_LargePValues_CappedAtOne() =>
        Assert.Equal([1.0, 1.0], Holm.Adjust([0.6, 0.9]));

    [Fact]
    public void Adjust_SinglePValue_Unchanged() =>
        Assert.Equal([0.03], Holm.Adjust([0.03]));
}
