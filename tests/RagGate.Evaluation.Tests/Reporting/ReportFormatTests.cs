using RagGate.Evaluation.Reporting;

namespace RagGate.Evaluation.Tests.Reporting;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData(0.000289512, "0.000289512")]
    [InlineData(0.0002895123456, "0.000289512")]
    [InlineData(0.28951234, "0.289512")]
    [InlineData(1234.56789, "1234.57")]
    [InlineData(0.075, "0.075")]
    [InlineData(0, "0")]
    [InlineData(-0.00001234567, "-0.0000123457")]
    public void Money_AnyValue_KeepsSixSignificantDigitsWithoutExponent(double value, string expected) =>
        Assert.Equal(expected, ReportFormat.Money(value));

    [Theory]
    [InlineData(-0.00001, "0.0000")]
    [InlineData(0.123456, "0.1235")]
    [InlineData(double.NaN, "n/a")]
    public void Ratio_AnyValue_FourDecimalsAndNoNegativeZero(double value, string expected) =>
        Assert.Equal(expected, ReportFormat.Ratio(value));

    [Fact]
    public void Ratio_GermanCulture_StillUsesAPoint()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("0.5000", ReportFormat.Ratio(0.5));
            Assert.Equal("12.3", ReportFormat.Ms(12.34));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
