using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Tests.Statistics;

public sealed class FisherExactTests
{
    // Expected values: the hypergeometric tail summed with exact integer binomials (Python's math.comb).
    [Theory]
    [InlineData(5, 100, 0, 100, 0.029691605234293292)]
    [InlineData(3, 50, 1, 50, 0.3086535457669478)]
    [InlineData(1, 1000, 1, 1000, 0.7501250625312657)]
    [InlineData(20, 10000, 5, 10000, 0.0020275907865688223)]
    public void OneSidedGreater_Table_ExactTail(int errorsA, int totalA, int errorsB, int totalB, double expected) =>
        Assert.Equal(expected, FisherExact.OneSidedGreater(errorsA, totalA, errorsB, totalB), 10);

    [Fact]
    public void OneSidedGreater_FewerErrorsThanB_NearOne() =>
        Assert.Equal(1.0, FisherExact.OneSidedGreater(0, 10, 3, 10), 12);

    [Fact]
    public void OneSidedGreater_NoErrors_One() => Assert.Equal(1.0, FisherExact.OneSidedGreater(0, 50, 0, 50));

    [Fact]
    public void OneSidedGreater_ErrorsAboveTotal_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FisherExact.OneSidedGreater(11, 10, 0, 10));
}
