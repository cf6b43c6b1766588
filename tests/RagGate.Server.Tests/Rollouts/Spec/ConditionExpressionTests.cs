using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Tests.Rollouts.Spec;

public sealed class ConditionExpressionTests
{
    private static readonly string[] Fields = ["errorRate", "p95", "requests"];

    private static bool Eval(string text, double errorRate, double p95, double requests = 100) =>
        ConditionExpression.Parse(text, Fields).Evaluate(new Dictionary<string, double> { ["errorRate"] = errorRate, ["p95"] = p95, ["requests"] = requests });

    [Theory]
    [InlineData("result.errorRate <= 0.01 && result.p95 < 500", 0.01, 499, true)]
    [InlineData("result.errorRate <= 0.01 && result.p95 < 500", 0.011, 499, false)]
    [InlineData("result.errorRate <= 0.01 && result.p95 < 500", 0.0, 500, false)]
    [InlineData("result.errorRate > 0.05 || result.p95 >= 1e3", 0.0, 1000, true)]
    [InlineData("result.errorRate > 0.05 or result.p95 >= 1000", 0.06, 10, true)]
    [InlineData("!(result.errorRate > 0.05)", 0.06, 10, false)]
    [InlineData("not result.errorRate > 0.05 and result.p95 != 10", 0.0, 10, false)]
    [InlineData("result.requests == 100 && -1 < result.errorRate", 0.0, 10, true)]
    [InlineData("result.p95 > result.errorRate", 0.5, 0.4, false)]
    [InlineData("result.errorRate<=0.01&&result.p95<500||result.requests>1000", 0.5, 600, false)]
    public void Evaluate_Expression_Result(string text, double errorRate, double p95, bool expected) =>
        Assert.Equal(expected, Eval(text, errorRate, p95));

    [Fact]
    public void Evaluate_AndBindsTighterThanOr() =>
        Assert.True(Eval("result.requests > 1000 && result.p95 > 1 || result.errorRate < 1", 0.5, 600));

    [Fact]
    public void Evaluate_NaNValue_ComparisonIsFalse() =>
        Assert.False(Eval("result.p95 < 500", 0, double.NaN));

    [Theory]
    [InlineData("", "column 1")]
    [InlineData("result.errorRate <= 0.01 &&", "column 28")]
    [InlineData("result.errorRate <= 0.01 result.p95 < 1", "column 26")]
    [InlineData("result.errorrate <= 0.01", "did you mean 'errorRate'")]
    [InlineData("errorRate <= 0.01", "expected result.<field> or a number")]
    [InlineData("result.p95 =< 500", "expected a comparison")]
    public void Parse_Invalid_FormatExceptionWithColumn(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => ConditionExpression.Parse(text, Fields));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Fields_InOrderOfFirstUse() =>
        Assert.Equal(["p95", "errorRate"], ConditionExpression.Parse("result.p95 < 1 && result.errorRate < 1 && result.p95 > 0", Fields).Fields);
}
