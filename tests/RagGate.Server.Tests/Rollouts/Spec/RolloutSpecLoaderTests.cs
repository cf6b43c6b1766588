using RagGate.Evaluation;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Tests.Rollouts.Spec;

public sealed class RolloutSpecLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public RolloutSpecLoaderTests() => _temp.Write("raggate.yaml", "version: 1\ncorpus: docs\n");

    public void Dispose() => _temp.Dispose();

    private const string Valid = """
        version: 1
        name: demo
        revisions:
          stable:
            config: raggate.yaml
          canary:
            url: http://127.0.0.1:9000
        strategy:
          canary:
            steps:
              - setWeight: 10
              - pause: {duration: 30s}
              - analysis:
                  templates:
                    - templateName: health
              - setWeight: 50
              - pause: {}
        analysisTemplates:
          - name: health
            metrics:
              - name: errors
                interval: 10s
                count: 3
                initialDelay: 1m30s
                failureLimit: 1
                inconclusiveLimit: 2
                consecutiveErrorLimit: 3
                successCondition: result.errorRate <= 0.01 && result.p95 < 500
                failureCondition: result.errorRate > 0.05
                provider:
                  raggate:
                    measure: errors
        """;

    private RolloutSpec Parse(string text) => RolloutSpecLoader.Parse(_temp.File("rollout.yaml"), text, _temp.Path);

    private string ErrorOf(string text) => Assert.Throws<InputException>(() => Parse(text)).Message;

    [Fact]
    public void Parse_ValidSpec_ReadsArgoVocabulary()
    {
        var spec = Parse(Valid);

        Assert.Equal("demo", spec.Name);
        Assert.Equal(_temp.File("raggate.yaml"), spec.Revisions.Stable.Config);
        Assert.Equal(new Uri("http://127.0.0.1:9000"), spec.Revisions.Canary!.Url);
        Assert.Collection(spec.Steps,
            s => Assert.Equal(10, Assert.IsType<SetWeightStep>(s).Weight),
            s => Assert.Equal(TimeSpan.FromSeconds(30), Assert.IsType<PauseStep>(s).Duration),
            s => Assert.Equal(["health"], Assert.IsType<AnalysisStep>(s).Templates),
            s => Assert.Equal(50, Assert.IsType<SetWeightStep>(s).Weight),
            s => Assert.Null(Assert.IsType<PauseStep>(s).Duration));
        var metric = Assert.Single(spec.Template("health").Metrics);
        Assert.Equal(MeasureKind.Errors, metric.Measure);
        Assert.Equal(TimeSpan.FromSeconds(10), metric.Interval);
        Assert.Equal(3, metric.Count);
        Assert.Equal(TimeSpan.FromSeconds(90), metric.InitialDelay);
        Assert.Equal((1, 2, 3), (metric.FailureLimit, metric.InconclusiveLimit, metric.ConsecutiveErrorLimit));
        Assert.Equal(["errorRate", "p95"], metric.SuccessCondition!.Fields);
        Assert.Equal(["errorRate"], metric.FailureCondition!.Fields);
        Assert.Equal(12, spec.Steps[1].Line);
    }

    [Fact]
    public void Parse_NoJudgeSection_ReferenceDefaults()
    {
        var judge = Parse(Valid).Judge;

        Assert.Equal(0.01, judge.ErrorRateCeiling);
        Assert.Equal(500, judge.P95CeilingMs);
        Assert.Equal(50, judge.MinSamples);
        Assert.Equal(TimeSpan.FromSeconds(30), judge.MaxSampleWait);
        Assert.False(Parse(Valid).Revisions.Baseline);
    }

    [Fact]
    public void Parse_MetricDefaults_AreArgos()
    {
        var spec = Parse(string.Join('\n', Valid.Split('\n').Where(line => !line.Contains("Limit:", StringComparison.Ordinal))));
        var metric = spec.AnalysisTemplates[0].Metrics[0];

        Assert.Equal((0, 0, 4), (metric.FailureLimit, metric.InconclusiveLimit, metric.ConsecutiveErrorLimit));
    }

    [Fact]
    public void Parse_MisspelledStepKind_NamesLineAndClosestKey()
    {
        var message = ErrorOf(Valid.Replace("- setWeight: 10", "- setWieght: 10", StringComparison.Ordinal));

        Assert.StartsWith(_temp.File("rollout.yaml") + ":11: strategy.canary.steps[0].setWieght: unknown field 'setWieght'; did you mean 'setWeight'?", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WeightOver100_OutOfRangeAtItsLine()
    {
        var message = ErrorOf(Valid.Replace("setWeight: 50", "setWeight: 150", StringComparison.Ordinal));

        Assert.Equal(_temp.File("rollout.yaml") + ":16: strategy.canary.steps[3].setWeight: 150 is out of range; expected between 0 and 100", message);
    }

    [Fact]
    public void Parse_UnknownMetric_NamesMeasureAndChoices()
    {
        var message = ErrorOf(Valid.Replace("measure: errors", "measure: erors", StringComparison.Ordinal));

        Assert.Equal(_temp.File("rollout.yaml") + ":32: analysisTemplates[0].metrics[0].provider.raggate.measure: unknown metric 'erors'; did you mean 'errors'? expected one of: errors, latency, quality", message);
    }

    [Fact]
    public void Parse_UnknownTemplate_NamesTemplateName()
    {
        var message = ErrorOf(Valid.Replace("templateName: health", "templateName: helth", StringComparison.Ordinal));

        Assert.Equal(_temp.File("rollout.yaml") + ":15: strategy.canary.steps[2].analysis.templates[0].templateName: unknown template 'helth'; did you mean 'health'? expected one of: health", message);
    }

    [Theory]
    [InlineData("result.errorRate <= 0.01 && result.p95 < 500", "result.eror <= 0.01", "'eror' is unknown")]
    [InlineData("result.errorRate <= 0.01 && result.p95 < 500", "result.errorRate <=", "expected result.<field> or a number")]
    [InlineData("result.errorRate <= 0.01 && result.p95 < 500", "result.errorRate 0.01", "expected a comparison")]
    [InlineData("result.errorRate <= 0.01 && result.p95 < 500", "(result.p95 < 1", "expected ')'")]
    [InlineData("result.errorRate <= 0.01 && result.p95 < 500", "result.recall > 0.5", "'recall' is unknown")]
    public void Parse_BadCondition_NamesFieldAndColumn(string good, string bad, string expected)
    {
        var message = ErrorOf(Valid.Replace(good, bad, StringComparison.Ordinal));

        Assert.StartsWith(_temp.File("rollout.yaml") + ":28: analysisTemplates[0].metrics[0].successCondition: at column ", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("interval: 10s", "interval: 10 seconds", ":22: analysisTemplates[0].metrics[0].interval: '10 seconds' is not a duration")]
    [InlineData("        interval: 10s\n", "", ":22: analysisTemplates[0].metrics[0].count: 3 measurements need an interval")]
    [InlineData("config: raggate.yaml", "config: missing.yaml", ":5: revisions.stable.config: file not found")]
    [InlineData("url: http://127.0.0.1:9000", "url: ftp://host", ":7: revisions.canary.url: 'ftp://host' is not an absolute http(s) URL")]
    [InlineData("name: demo", "name: Demo_1", ":2: name: 'Demo_1' is not a valid name")]
    [InlineData("- setWeight: 10", "- setWeight: 10\n        pause: {}", ":12: strategy.canary.steps[0].pause: a step has exactly one of setWeight, pause, analysis")]
    [InlineData("pause: {duration: 30s}", "pause: {duration: 30s, until: never}", ":12: strategy.canary.steps[1].pause.until: unknown field 'until'")]
    [InlineData("measure: errors", "measure: errors\n      - name: errors\n        provider: {raggate: {measure: latency}}", ":21: analysisTemplates[0].metrics: two metrics are named 'errors'")]
    public void Parse_InvalidField_OneLineWithFileLineAndField(string good, string bad, string expected)
    {
        var message = ErrorOf(Valid.Replace(good, bad, StringComparison.Ordinal));

        Assert.StartsWith(_temp.File("rollout.yaml") + expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void Parse_BaselineWithUrlStable_Refused()
    {
        var message = ErrorOf(Valid.Replace("config: raggate.yaml", "url: http://127.0.0.1:9001", StringComparison.Ordinal)
            .Replace("  canary:\n    url", "  baseline: true\n  canary:\n    url", StringComparison.Ordinal));

        Assert.Contains("revisions.baseline: a baseline is a fresh copy of stable", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SupportKbSample_StableIsTheSampleConfig()
    {
        var spec = RolloutSpecLoader.Load(RepoRoot.Combine("samples", "support-kb", "rollout.yaml"));

        Assert.Equal(RepoRoot.Combine("samples", "support-kb", "raggate.yaml"), spec.Revisions.Stable.Config);
        Assert.Contains(spec.Steps, s => s is AnalysisStep a && a.Templates.Contains("quality"));
        Assert.Contains(spec.AnalysisTemplates.SelectMany(t => t.Metrics), m => m.Measure == MeasureKind.Quality);
    }
}
