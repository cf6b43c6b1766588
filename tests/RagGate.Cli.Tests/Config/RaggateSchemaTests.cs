using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RagGate.Engine.Answering;
using RagGate.Engine.Configuration;
using RagGate.Engine.Embeddings;
using RagGate.Engine.Retrieval;
using RagGate.Evaluation;

namespace RagGate.Cli.Tests.Config;

/// <summary>
/// schemas/raggate.schema.json (what editors complete and check) and RagGateConfigLoader (what
/// raggate reads) must agree: every sample config passes both, an unknown field fails both, and a
/// config setting every field the schema documents passes both.
/// </summary>
public sealed class RaggateSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(RepoRoot.Combine("schemas", "raggate.schema.json"))));

    /// <summary>A config that sets every field the schema documents, each to a value both should accept.</summary>
    private const string EveryField = """
        version: 1
        name: everything
        corpus: docs
        golden: golden/test_queries.json
        index: .raggate/index
        embedding:
          model: arctic-embed-xs
          threads: 2
          batch_size: 16
          precision: int8
          cache: .raggate/embeddings
        chunking:
          mode: tokens
          max_tokens: 200
          overlap: 20
        retrieval:
          mode: hybrid
          top_k: 8
          k1: 1.2
          b: 0.75
          rrf_k: 60
          vectors: int8-rescore
        answer:
          answerer: chat
          generation_model: gpt-4o
          min_relevance: 0.4
          refusal: "I don't know."
          max_context_tokens: 2000
          max_sentences: 4
          system_prompt: "Answer from the context. {refusal}"
          prompt_template: "Context:\n{context}\n\nQuestion: {question}"
          chat:
            base_url: http://127.0.0.1:8080/v1
            model: gpt-4o
            api_key_env: MY_KEY
        target:
          kind: http
          url: http://127.0.0.1:9000/rag
          timeout_seconds: 12.5
          usage: required
        eval:
          k: 20
          warmup: 2
          repetitions: 3
          concurrency: [1, 4]
          max_cost: 0.25
          answer: false
          seed: 7
          bootstrap_resamples: 500
          keyword_context_docs: 3
          refusal_markers: ["I don't know", "cannot help"]
          hallucination_markers: ["as an AI"]
          groundedness_threshold: 0.5
          prices: prices.yaml
          split: dev
        server:
          max_body_bytes: 8192
          max_query_chars: 500
          max_k: 50
          request_timeout_seconds: 10
          shutdown_timeout_seconds: 20
          rate_limit:
            permits_per_second: 50
            burst: 100
          cors_origins: ["https://app.example.com"]
          admin:
            enabled: true
            token_env: MY_ADMIN_TOKEN
        faults:
          error_rate: 0.2
          latency_ms: 400
          crash_after_requests: 50
          seed: 3
        gates:
          - recall@10 >= 0.85
          - metric: ndcg@10
            min: 0.6
            mode: lower-bound
            category: billing
          - metric: latency_p95_ms
            max: 3000
        regression:
          - metric: recall@10
            max_drop: 0.02
            alpha: 0.05
        """;

    public static TheoryData<string> SampleConfigs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoRoot.Combine("samples"), "raggate*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepoRoot.Path, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleConfigs))]
    public void SampleConfig_ValidatesAgainstSchemaAndLoads(string relativePath)
    {
        var path = RepoRoot.Combine(relativePath);

        AssertValid(File.ReadAllText(path));
        var config = RagGateConfigLoader.Load(path);
        Assert.Equal(path, config.Path);
    }

    [Fact]
    public void SampleConfigs_AtLeastTheTwoSupportKbConfigs()
    {
        var samples = SampleConfigs().Cast<object[]>().Select(row => (string)row[0]).ToList();

        Assert.Contains(Path.Combine("samples", "support-kb", "raggate.yaml"), samples);
        Assert.Contains(Path.Combine("samples", "support-kb", "raggate.tiny-chunks.yaml"), samples);
    }

    [Fact]
    public void EveryDocumentedField_ValidatesAndLoads()
    {
        AssertValid(EveryField);
        var config = RagGateConfigLoader.Parse("raggate.yaml", EveryField, Path.GetTempPath());

        Assert.Equal(("arctic-embed-xs", 16, RetrievalMode.Hybrid, 1.2, AnswererKind.Chat, "MY_KEY"),
            (config.Engine.Embedding.Model, config.Engine.Embedding.BatchSize, config.Engine.Retrieval.Mode, config.Engine.Retrieval.Bm25K1, config.Engine.Answer.Answerer, config.Engine.Answer.Chat?.ApiKeyEnv));
        Assert.Equal((20, 3, false, 7, 12.5), (config.Evaluation.Eval.K, config.Evaluation.Eval.Repetitions, config.Evaluation.Eval.Answer, config.Evaluation.Eval.Seed, config.Evaluation.Target.TimeoutSeconds));
        Assert.Equal(3, config.Evaluation.Gates.Count);
        Assert.Single(config.Evaluation.Regressions);
        Assert.Equal([1, 4], config.Evaluation.Eval.Concurrency);
        Assert.Equal((0.25, "required"), (config.Evaluation.Eval.MaxCost, config.Evaluation.Target.Usage));
        Assert.Equal(EmbeddingPrecision.Int8, config.Engine.Embedding.Precision);
        Assert.Equal((0.2, 400.0, 50, 3), (config.Evaluation.Faults!.ErrorRate, config.Evaluation.Faults.LatencyMs, config.Evaluation.Faults.CrashAfterRequests, config.Evaluation.Faults.Seed));
        var faultsLine = EveryField.Split('\n').ToList().FindIndex(l => l.TrimEnd() == "faults:") + 1;
        Assert.Equal($"raggate.yaml:{faultsLine}", config.Evaluation.Faults.Source);
    }

    [Fact]
    public void EveryDocumentedField_CoversEverySchemaProperty()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepoRoot.Combine("schemas", "raggate.schema.json")))!;
        var documented = PropertyPaths(schema, "").ToHashSet(StringComparer.Ordinal);
        var set = JsonPaths(YamlToJson.Convert(EveryField), "").ToHashSet(StringComparer.Ordinal);

        Assert.Empty(documented.Except(set).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("colour: blue\n", "colour")]
    [InlineData("embedding:\n  modle: minilm-l6-v2\n", "modle")]
    [InlineData("eval:\n  repititions: 2\n", "repititions")]
    [InlineData("regression:\n  - metric: recall@10\n    max_dorp: 0.02\n", "max_dorp")]
    public void UnknownField_RejectedBySchemaAndLoader(string extra, string field)
    {
        var yaml = "version: 1\ncorpus: docs\ngolden: golden.json\n" + extra;

        Assert.False(Evaluate(yaml).IsValid, $"the schema accepted '{field}'");
        var error = Assert.Throws<InputException>(() => RagGateConfigLoader.Parse("raggate.yaml", yaml, Path.GetTempPath()));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

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

    /// <summary>Dotted paths of every property the schema declares (array items written as <c>[]</c>; oneOf branches merged).</summary>
    private static IEnumerable<string> PropertyPaths(JsonNode schema, string prefix)
    {
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, sub) in properties)
            {
                var path = prefix + name;
                yield return path;
                foreach (var nested in PropertyPaths(sub!, path + "."))
                    yield return nested;
            }
        }
        if (schema["items"] is JsonNode items)
        {
            foreach (var nested in PropertyPaths(items, prefix.TrimEnd('.') + "[]."))
                yield return nested;
        }
        if (schema["oneOf"] is JsonArray branches)
        {
            foreach (var nested in branches.SelectMany(b => PropertyPaths(b!, prefix)))
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
