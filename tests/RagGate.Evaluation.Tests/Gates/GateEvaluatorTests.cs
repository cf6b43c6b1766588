using RagGate.Evaluation.Comparing;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Gates;
using RagGate.Evaluation.Scoring;

namespace RagGate.Evaluation.Tests.Gates;

public sealed class GateEvaluatorTests
{
    private static Scorecard Card(double recall, double? lower, double? upper, double p95 = 120) => new()
    {
        Metrics =
        [
            new MetricSummary { Name = "recall@10", Value = recall, Lower = lower, Upper = upper, N = 40 },
            new MetricSummary { Name = "latency_p95_ms", Value = p95, N = 40, HigherIsBetter = false, Unit = "ms" },
        ],
    };

    private static GateOperator Operator(string symbol) =>
        WireNames.TryParse<GateOperator>(symbol, out var op) ? op : throw new ArgumentException(symbol, nameof(symbol));

    private static GateResult One(Scorecard card, GateRule rule) =>
        Assert.Single(GateEvaluator.Evaluate(card, [rule], [], null, new EvalSettings()));

    [Theory]
    [InlineData(0.90, ">=", 0.85, true)]
    [InlineData(0.85, ">=", 0.85, true)]
    [InlineData(0.84, ">=", 0.85, false)]
    [InlineData(0.85, ">", 0.85, false)]
    public void Evaluate_PointMode_ComparesTheValue(double recall, string op, double threshold, bool passed)
    {
        var result = One(Card(recall, recall - 0.1, recall + 0.05), new GateRule("recall@10", Operator(op), threshold, GateMode.Point, null, "t:1"));

        Assert.Equal(passed, result.Passed);
        Assert.Equal(recall, result.Compared);
        Assert.Contains($"required {op} {threshold}", result.Reason);
    }

    [Fact]
    public void Evaluate_LowerBoundMode_GatesOnThePessimisticEnd()
    {
        var result = One(Card(0.90, 0.82, 0.95), new GateRule("recall@10", GateOperator.AtLeast, 0.85, GateMode.LowerBound, null, "t:1"));

        Assert.False(result.Passed);
        Assert.Equal(0.82, result.Compared);
        Assert.Contains("95% lower bound 0.82", result.Reason);
    }

    [Fact]
    public void Evaluate_LatencyCeiling_FailsAboveIt()
    {
        Assert.False(One(Card(0.9, null, null, p95: 612), new GateRule("latency_p95_ms", GateOperator.AtMost, 500, GateMode.Point, null, "t:1")).Passed);
        Assert.True(One(Card(0.9, null, null, p95: 499), new GateRule("latency_p95_ms", GateOperator.AtMost, 500, GateMode.Point, null, "t:1")).Passed);
    }

    [Fact]
    public void Evaluate_TinyValues_KeepThreeSignificantDigitsInTheReason()
    {
        var card = new Scorecard { Metrics = [new MetricSummary { Name = "cost_per_query", Value = 0.0000757395, N = 86, HigherIsBetter = false, Unit = "USD" }] };

        var result = One(card, new GateRule("cost_per_query", GateOperator.AtMost, 0.001, GateMode.Point, null, "t:1"));

        Assert.True(result.Passed);
        Assert.Equal("cost_per_query is 0.0000757 (n=86); required <= 0.001", result.Reason);
    }

    [Fact]
    public void Evaluate_MetricNotMeasured_FailsWithAReason()
    {
        var result = One(Card(0.9, null, null), new GateRule("groundedness", GateOperator.AtLeast, 0.5, GateMode.Point, null, "t:1"));

        Assert.False(result.Passed);
        Assert.Equal("groundedness was not measured in this run", result.Reason);
    }

    [Fact]
    public void Evaluate_CategoryGate_UsesOnlyThatCategorysQueries()
    {
        var card = Card(0.5, null, null);
        card.Queries.AddRange(
        [
            new QueryScore { Id = "a", Category = "billing", Values = { ["recall@10"] = 1 } },
            new QueryScore { Id = "b", Category = "billing", Values = { ["recall@10"] = 1 } },
            new QueryScore { Id = "c", Category = "refunds", Values = { ["recall@10"] = 0 } },
        ]);

        var billing = One(card, new GateRule("recall@10", GateOperator.AtLeast, 0.9, GateMode.Point, "billing", "t:1"));
        var refunds = One(card, new GateRule("recall@10", GateOperator.AtLeast, 0.9, GateMode.Point, "refunds", "t:1"));

        Assert.True(billing.Passed);
        Assert.Equal(1.0, billing.Actual);
        Assert.False(refunds.Passed);
        Assert.Equal(0.0, refunds.Actual);
    }

    [Fact]
    public void Evaluate_RegressionBeyondMaxDropAndSignificant_Fails()
    {
        var comparison = new Comparison
        {
            Metrics = [new MetricComparison { Name = "recall@10", Baseline = 0.92, Candidate = 0.78, PValue = 0.001, AdjustedPValue = 0.003 }],
        };

        var result = Assert.Single(GateEvaluator.Evaluate(new Scorecard(), [], [new RegressionRule("recall@10", 0.02, 0.05, "t:1")], comparison, new EvalSettings()));

        Assert.False(result.Passed);
        Assert.Equal(0.92 - 0.78, result.Compared, 12);
        Assert.Contains("from 0.92 to 0.78", result.Reason);
    }

    [Fact]
    public void Evaluate_DropWithinNoise_Passes()
    {
        var comparison = new Comparison
        {
            Metrics = [new MetricComparison { Name = "recall@10", Baseline = 0.92, Candidate = 0.88, PValue = 0.2, AdjustedPValue = 0.4 }],
        };

        var result = Assert.Single(GateEvaluator.Evaluate(new Scorecard(), [], [new RegressionRule("recall@10", 0.02, 0.05, "t:1")], comparison, new EvalSettings()));

        Assert.True(result.Passed);
        Assert.Contains("within noise", result.Reason);
    }

    [Fact]
    public void Evaluate_LowerIsBetterRegression_OrientsTheDrop()
    {
        var comparison = new Comparison
        {
            Metrics = [new MetricComparison { Name = "tokens_per_query", Baseline = 500, Candidate = 900, AdjustedPValue = 0.0001, HigherIsBetter = false }],
        };

        var result = Assert.Single(GateEvaluator.Evaluate(new Scorecard(), [], [new RegressionRule("tokens_per_query", 100, 0.05, "t:1")], comparison, new EvalSettings()));

        Assert.False(result.Passed);
        Assert.Equal(400, result.Compared);
    }
}
