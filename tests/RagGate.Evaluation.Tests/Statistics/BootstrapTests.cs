using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Tests.Statistics;

public sealed class BootstrapTests
{
    private static readonly double[] Scores = [0.1, 0.9, 0.4, 0.7, 0.3, 0.8, 0.5, 0.6, 0.2, 1.0, 0.55, 0.45];

    [Fact]
    public void MeanInterval_SameSeed_SameInterval() =>
        Assert.Equal(Bootstrap.MeanInterval(Scores, 2000, 0.95, 7), Bootstrap.MeanInterval(Scores, 2000, 0.95, 7));

    [Fact]
    public void MeanInterval_Scores_ContainsTheMeanAndIsNarrowerThanTheRange()
    {
        var interval = Bootstrap.MeanInterval(Scores, 4000, 0.95, 1);
        var mean = Scores.Average();

        Assert.True(interval.Contains(mean), $"{interval} misses {mean}");
        Assert.True(interval.Lower > Scores.Min() && interval.Upper < Scores.Max());
        // The normal approximation's half-width is 1.96 * sd / sqrt(n) ~= 0.153; the bootstrap's is close to it.
        var sd = Math.Sqrt(Scores.Sum(s => (s - mean) * (s - mean)) / Scores.Length);
        var normalHalfWidth = 1.96 * sd / Math.Sqrt(Scores.Length);
        Assert.InRange((interval.Upper - interval.Lower) / 2, normalHalfWidth * 0.85, normalHalfWidth * 1.15);
    }

    [Fact]
    public void MeanInterval_ConstantValues_CollapsesToTheValue() =>
        Assert.Equal(new ConfidenceInterval(0.5, 0.5), Bootstrap.MeanInterval([0.5, 0.5, 0.5], 100, 0.95, 3));

    [Fact]
    public void MeanInterval_NoValues_Throws() =>
        Assert.Throws<ArgumentException>(() => Bootstrap.MeanInterval([], 100, 0.95, 3));
}
