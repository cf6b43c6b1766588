using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Tests.Statistics;

public sealed class NormalTests
{
    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.8, 0.8416212335729143)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(0.999, 3.090232306167813)]
    public void Quantile_TabulatedProbability_GivesTheTabulatedZ(double p, double z)
    {
        // Acklam's approximation promises a relative error below 1.15e-9.
        var actual = Normal.Quantile(p);

        Assert.True(Math.Abs(actual - z) <= 1.15e-9 * Math.Max(1, Math.Abs(z)), $"z({p}) = {actual:R}, tables say {z:R}");
    }

    [Fact]
    public void Quantile_OutsideZeroOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Normal.Quantile(1.0));

    [Theory]
    [InlineData(1.959963984540054, 0.025)]
    [InlineData(0.0, 0.5)]
    [InlineData(-2.3263478740408408, 0.99)]
    [InlineData(5.0, 2.866515718791939e-07)]
    public void UpperTail_TabulatedZ_GivesTheTailProbability(double z, double p)
    {
        // The erfc fit promises a fractional error below 1.2e-7.
        var actual = Normal.UpperTail(z);

        Assert.True(Math.Abs(actual - p) <= 1.2e-7 * p, $"P(Z > {z}) = {actual:R}, tables say {p:R}");
    }
}
