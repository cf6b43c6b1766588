using System.Text.Json.Nodes;
using RagGate.Cli.Tests.Config;
using RagGate.Engine.Configuration;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;
using RagGate.Server.Rollouts.Export;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Tests.Rollouts.Export;

public sealed class ArgoExporterTests : IDisposable
{
    private static readonly Lazy<RolloutSpec> Sample = new(() => RolloutSpecLoader.Load(RepoRoot.Combine("samples", "support-kb", "rollout.yaml")));

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var manifest in ArgoExporter.Export(Sample.Value))
            data.Add(manifest.FileName);
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Export_SampleDocument_ValidatesStrictlyAgainstItsSchema(string fileName)
    {
        var manifest = ArgoExporter.Export(Sample.Value).Single(m => m.FileName == fileName);

        var errors = CrdSchemas.Errors(manifest.Kind, manifest.ToYaml());

        Assert.True(errors.Count == 0, $"{fileName}:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void Export_Sample_RolloutTemplatesServicesAndEvalConfig()
    {
        var kinds = ArgoExporter.Export(Sample.Value).Select(m => (m.Kind, m.Name)).ToList();

        Assert.Equal(
            [("Service", "support-kb-stable"), ("Service", "support-kb-canary"), ("ConfigMap", "support-kb-eval"),
             ("AnalysisTemplate", "support-kb-health"), ("AnalysisTemplate", "support-kb-quality"), ("Rollout", "support-kb")],
            kinds);
    }

    [Fact]
    public void Export_Sample_SameStepsInArgo()
    {
        var steps = Document("Rollout")["spec"]!["strategy"]!["canary"]!["steps"]!.AsArray();

        Assert.Equal(Sample.Value.Steps.Count, steps.Count);
        Assert.Equal(10L, steps[0]!["setWeight"]!.GetValue<long>());
        Assert.Equal("support-kb-health", steps[1]!["analysis"]!["templates"]![0]!["templateName"]!.GetValue<string>());
        Assert.Equal("support-kb-quality", steps[1]!["analysis"]!["templates"]![1]!["templateName"]!.GetValue<string>());
        Assert.Equal("10s", steps[3]!["pause"]!["duration"]!.GetValue<string>());
        Assert.Equal("support-kb-canary", Document("Rollout")["spec"]!["strategy"]!["canary"]!["canaryService"]!.GetValue<string>());
    }

    [Fact]
    public void Export_ErrorsMetric_PrometheusWithConditionAndCeiling()
    {
        var metric = Document("AnalysisTemplate", "support-kb-health")["spec"]!["metrics"]![0]!;

        Assert.Equal(("error-rate", "10s", 3L, 1L, 1L), (metric["name"]!.GetValue<string>(), metric["interval"]!.GetValue<string>(),
            metric["count"]!.GetValue<long>(), metric["failureLimit"]!.GetValue<long>(), metric["inconclusiveLimit"]!.GetValue<long>()));
        Assert.Equal("(result[0] <= 0.01) && result[0] <= 0.01", metric["successCondition"]!.GetValue<string>());
        var query = metric["provider"]!["prometheus"]!["query"]!.GetValue<string>();
        Assert.Contains("http_response_status_code=~\"5..\"", query, StringComparison.Ordinal);
        Assert.Contains("service=\"{{args.canary-service}}\"", query, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_QualityMetric_EvalJobAgainstTheCanaryService()
    {
        var metric = Document("AnalysisTemplate", "support-kb-quality")["spec"]!["metrics"]![0]!;
        var container = metric["provider"]!["job"]!["spec"]!["template"]!["spec"]!["containers"]![0]!;

        Assert.Equal("raggate", container["command"]![0]!.GetValue<string>());
        Assert.Equal(["eval", "--config", "/etc/raggate/eval/raggate.yaml", "--out", "/tmp/raggate-report"], container["args"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("5s", metric["initialDelay"]!.GetValue<string>());
    }

    [Fact]
    public void Export_EvalConfig_LoadsAsAnHttpConfigAimedAtTheCanary()
    {
        var data = Document("ConfigMap")["data"]!;
        _temp.Write("raggate.yaml", data["raggate.yaml"]!.GetValue<string>());
        _temp.Write("golden.json", data["golden.json"]!.GetValue<string>());

        var config = RagGateConfigLoader.Load(_temp.File("raggate.yaml"));

        Assert.Equal((TargetSettings.Http, "http://support-kb-canary:8080"), (config.Evaluation.Target.Kind, config.Evaluation.Target.Url));
        Assert.Equal(_temp.File("golden.json"), config.Evaluation.Eval.Golden);
        Assert.Null(config.Engine.Corpus);
        Assert.Equal(RagGateConfigLoader.Load(RepoRoot.Combine("samples", "support-kb", "raggate.yaml")).Evaluation.Gates.Count, config.Evaluation.Gates.Count);
    }

    [Fact]
    public void Validate_UnknownField_Fails()
    {
        // The negative case that proves the validation is strict: a misspelt step field.
        var yaml = Manifest("Rollout").ToYaml().Replace("- setWeight: 10", "- setWieght: 10", StringComparison.Ordinal);

        Assert.Contains("setWieght", yaml, StringComparison.Ordinal);
        Assert.NotEmpty(CrdSchemas.Errors("Rollout", yaml));
    }

    [Theory]
    [InlineData("Rollout", "  replicas: 2", "  replicas: 2\n  replica: 2")]
    [InlineData("AnalysisTemplate", "  - name: error-rate", "  - name: error-rate\n    intervall: 5s")]
    [InlineData("Service", "  selector:", "  selectr:\n    a: b\n  selector:")]
    [InlineData("ConfigMap", "kind: ConfigMap", "kind: ConfigMap\nbinaryDatum: {}")]
    public void Validate_UnknownFieldInEveryKind_Fails(string kind, string good, string bad)
    {
        var yaml = Manifest(kind).ToYaml();
        Assert.Contains(good, yaml, StringComparison.Ordinal);

        Assert.NotEmpty(CrdSchemas.Errors(kind, yaml.Replace(good, bad, StringComparison.Ordinal)));
    }

    [Fact]
    public void Validate_FieldUnderPreserveUnknownFields_Passes()
    {
        // The web provider's jsonBody preserves unknown fields in the CRD, so anything goes there.
        var yaml = Manifest("AnalysisTemplate", "support-kb-health").ToYaml() + """
              - name: extra
                provider:
                  web:
                    url: http://example.invalid/
                    jsonBody:
                      anything: [1, 2]
                      nested: {free: form}
            """;

        Assert.Empty(CrdSchemas.Errors("AnalysisTemplate", yaml));
        Assert.NotEmpty(CrdSchemas.Errors("AnalysisTemplate", yaml.Replace("jsonBody:", "jsonBodee:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Export_ConditionOverTwoFields_RefusedNamingTheMetric()
    {
        var spec = Sample.Value with
        {
            AnalysisTemplates = [.. Sample.Value.AnalysisTemplates.Select(t => t.Name != "health" ? t : t with
            {
                Metrics = [t.Metrics[0] with { SuccessCondition = ConditionExpression.Parse("result.errorRate <= 0.01 && result.p95 < 500", ResultFields.For(MeasureKind.Errors)) }],
            })],
        };

        var e = Assert.Throws<InputException>(() => ArgoExporter.Export(spec));

        Assert.Contains("metric 'error-rate'", e.Message, StringComparison.Ordinal);
        Assert.Contains("result.errorRate, result.p95", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_LatencyFailureConditionOnly_CeilingJoinsTheFailureCondition()
    {
        var latency = Sample.Value.AnalysisTemplates[0].Metrics[1] with
        {
            SuccessCondition = null,
            FailureCondition = ConditionExpression.Parse("result.p95 > 800", ResultFields.For(MeasureKind.Latency)),
        };

        var (success, failure) = (PrometheusMetric.Conditions(latency, ResultFields.P95, new JudgeSettings()));

        Assert.Null(success);
        Assert.Equal("(result[0] > 800) || result[0] > 500", failure);
    }

    [Fact]
    public async Task WriteAsync_Sample_OneYamlFilePerObject()
    {
        var written = await ArgoExporter.WriteAsync(Sample.Value, _temp.File("argo"), CancellationToken.None);

        Assert.Equal(6, written.Count);
        Assert.Equal(written.Select(Path.GetFileName).Order(StringComparer.Ordinal), Directory.GetFiles(_temp.File("argo")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.StartsWith("apiVersion: argoproj.io/v1alpha1\nkind: Rollout\n", await File.ReadAllTextAsync(_temp.File("argo/rollout.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_RefusedSpec_WritesNothing()
    {
        var spec = Sample.Value with
        {
            AnalysisTemplates = [.. Sample.Value.AnalysisTemplates.Select(t => t.Name != "quality" ? t : t with
            {
                Metrics = [t.Metrics[0] with { SuccessCondition = ConditionExpression.Parse("result.recall > 0.9", ResultFields.For(MeasureKind.Quality)) }],
            })],
        };

        await Assert.ThrowsAsync<InputException>(() => ArgoExporter.WriteAsync(spec, _temp.File("argo"), CancellationToken.None));

        Assert.False(Directory.Exists(_temp.File("argo")));
    }

    private static ExportedManifest Manifest(string kind, string? name = null) =>
        ArgoExporter.Export(Sample.Value).First(m => m.Kind == kind && (name is null || m.Name == name));

    // Read back from the YAML the export writes, not from the objects it built.
    private static JsonNode Document(string kind, string? name = null) => YamlToJson.Convert(Manifest(kind, name).ToYaml())!;
}
