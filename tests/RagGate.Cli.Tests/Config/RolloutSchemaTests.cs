using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RagGate.Evaluation;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Cli.Tests.Config;

/// <summary>
/// schemas/rollout.schema.json (what editors check) and RolloutSpecLoader (what raggate reads) agree: the
/// sample passes both, a spec setting every documented field passes both, and typos and bad values fail both.
/// </summary>
public sealed class RolloutSchemaTests : IDisposable
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(RepoRoot.Combine("schemas", "rollout.schema.json"))));

    private readonly TempFolder _temp = new();

    public RolloutSchemaTests()
    {
        _temp.Write("raggate.yaml", "version: 1\ncorpus: docs\n");
        _temp.Write("golden.json", "{\"queries\":[]}");
    }

    public void Dispose() => _temp.Dispose();

    private const string EveryField = """
        version: 1
        name: every-field
        revisions:
          stable:
            config: raggate.yaml
          canary:
            url: http://127.0.0.1:9000
          baseline: true
        traffic:
          goldenSet: golden.json
          rate: 25.5
          maxRequests: 1000
          maxDuration: 2m
          route: /answer
        judge:
          alpha: 0.01
          minSamples: 40
          maxSampleWait: 45s
          errorRateCeiling: 0.02
          p95CeilingMs: 300
          latencyTolerance: 0.2
          probes:
            k: 10
            queries: 30
            minProbes: 15
            maxRecallDrop: 0.03
            maxAnswerDrop: 0.04
            permutations: 2000
            seed: 7
        notifications:
          webhook: http://127.0.0.1:9100/hook
        strategy:
          canary:
            steps:
              - setWeight: 20
              - pause: {duration: 30s}
              - analysis:
                  templates:
                    - templateName: health
              - pause: {}
        analysisTemplates:
          - name: health
            metrics:
              - name: latency
                interval: 5s
                count: 4
                initialDelay: 10
                successCondition: result.p95 < 300
                failureCondition: result.p95 > 1000 || result.errorRate > 0.1
                failureLimit: 2
                inconclusiveLimit: 1
                consecutiveErrorLimit: 3
                provider:
                  raggate:
                    measure: latency
        argo:
          image: raggate:1.0
          port: 9090
          replicas: 3
          prometheus: http://prometheus:9090
        """;

    [Fact]
    public void SupportKbSample_ValidatesAndLoads()
    {
        var path = RepoRoot.Combine("samples", "support-kb", "rollout.yaml");

        AssertValid(File.ReadAllText(path));
        Assert.Equal("support-kb", RolloutSpecLoader.Load(path).Name);
    }

    [Fact]
    public void EveryDocumentedField_ValidatesAndLoads()
    {
        AssertValid(EveryField);
        var spec = Parse(EveryField);

        Assert.True(spec.Revisions.Baseline);
        Assert.Equal((25.5, 1000, "/answer"), (spec.Traffic!.Rate, spec.Traffic.MaxRequests, spec.Traffic.Route));
        Assert.Equal((10, 30, 15, 2000, 7), (spec.Judge.Probes.K, spec.Judge.Probes.Queries, spec.Judge.Probes.MinProbes, spec.Judge.Probes.Permutations, spec.Judge.Probes.Seed));
        Assert.Equal(("raggate:1.0", 9090, 3), (spec.Argo.Image, spec.Argo.Port, spec.Argo.Replicas));
        Assert.Equal(TimeSpan.FromSeconds(45), spec.Judge.MaxSampleWait);
        Assert.Equal(TimeSpan.FromSeconds(10), spec.AnalysisTemplates[0].Metrics[0].InitialDelay);
    }

    [Fact]
    public void EveryDocumentedField_CoversEverySchemaProperty()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepoRoot.Combine("schemas", "rollout.schema.json")))!;
        var documented = PropertyPaths(schema, schema, "").ToHashSet(StringComparer.Ordinal);
        var set = JsonPaths(YamlToJson.Convert(EveryField), "").ToHashSet(StringComparer.Ordinal);

        // A revision is a config or a URL, never both: stable sets config and canary sets url of the same definition.
        string[] exclusive = ["revisions.stable.url", "revisions.canary.config"];

        Assert.Empty(documented.Except(set).Except(exclusive).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("- setWeight: 20", "- setWieght: 20", "setWieght")]
    [InlineData("- setWeight: 20", "- setWeight: 101", "101")]
    [InlineData("measure: latency", "measure: throughput", "throughput")]
    [InlineData("  rate: 25.5", "  rat: 25.5", "rat")]
    [InlineData("maxDuration: 2m", "maxDuration: 2 minutes", "2 minutes")]
    [InlineData("config: raggate.yaml", "config: raggate.yaml\n    url: http://127.0.0.1:1", "config")]
    public void InvalidSpec_RejectedBySchemaAndLoader(string good, string bad, string named)
    {
        var yaml = EveryField.Replace(good, bad, StringComparison.Ordinal);

        Assert.NotEqual(EveryField, yaml);
        Assert.False(Evaluate(yaml).IsValid, $"the schema accepted '{bad}'");
        var error = Assert.Throws<InputException>(() => Parse(yaml));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private RolloutSpec Parse(string yaml) => RolloutSpecLoader.Parse(_temp.File("rollout.yaml"), yaml, _temp.Path);

    private static EvaluationResults Evaluate(string yaml)
    {
        var json = JsonSerializer.SerializeToElement(YamlToJson.Convert(yaml));
        return Schema.Value.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static void AssertValid(string yaml)
    {
        var result = Evaluate(yaml);
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
        Assert.True(result.IsValid, "schema errors:\n" + string.Join("\n", errors));
    }

    /// <summary>Dotted paths of every property the schema declares, following local $refs (array items as <c>[]</c>).</summary>
    private static IEnumerable<string> PropertyPaths(JsonNode root, JsonNode schema, string prefix)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/$defs/", StringComparison.Ordinal))
            schema = root["$defs"]![reference["#/$defs/".Length..]]!;
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, sub) in properties)
            {
                yield return prefix + name;
                foreach (var nested in PropertyPaths(root, sub!, prefix + name + "."))
                    yield return nested;
            }
        }
        if (schema["items"] is JsonNode items)
        {
            foreach (var nested in PropertyPaths(root, items, prefix.TrimEnd('.') + "[]."))
                yield return nested;
        }
    }

    private static IEnumerable<string> JsonPaths(JsonNode? node, string prefix)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, value) in obj)
            {
                yield return prefix + name;
                foreach (var nested in JsonPaths(value, prefix + name + "."))
                    yield return nested;
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var nested in array.SelectMany(item => JsonPaths(item, prefix.TrimEnd('.') + "[].")))
                yield return nested;
        }
    }
}
