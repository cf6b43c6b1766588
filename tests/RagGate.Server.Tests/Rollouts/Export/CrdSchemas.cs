using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using RagGate.Cli.Tests.Config;

namespace RagGate.Server.Tests.Rollouts.Export;

/// <summary>
/// Strict JSON Schemas for the exported objects. Argo's kinds come from the CRDs copied into
/// schemas/argo-rollouts-v1.9.1 (their openAPIV3Schema, as the API server would check them), made strict: every
/// object refuses fields it does not declare, except where the CRD sets x-kubernetes-preserve-unknown-fields, so an
/// unknown field fails here where the API server would silently prune it. Service and ConfigMap are core kinds with
/// no CRD: they are checked against a subset of the core/v1 API written below (the fields the export uses, strict).
/// </summary>
internal static class CrdSchemas
{
    private static readonly Lazy<JsonSchema> RolloutSchema = new(() => FromCrd("rollout-crd.yaml"));
    private static readonly Lazy<JsonSchema> AnalysisTemplateSchema = new(() => FromCrd("analysis-template-crd.yaml"));
    private static readonly Lazy<JsonSchema> ServiceSchema = new(() => JsonSchema.FromText(CoreV1.Service));
    private static readonly Lazy<JsonSchema> ConfigMapSchema = new(() => JsonSchema.FromText(CoreV1.ConfigMap));

    /// <summary>The schema for an object of <paramref name="kind"/>.</summary>
    public static JsonSchema For(string kind) => kind switch
    {
        "Rollout" => RolloutSchema.Value,
        "AnalysisTemplate" => AnalysisTemplateSchema.Value,
        "Service" => ServiceSchema.Value,
        "ConfigMap" => ConfigMapSchema.Value,
        _ => throw new ArgumentException($"No schema for kind {kind}.", nameof(kind)),
    };

    /// <summary>The errors of a YAML document against its kind's schema; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(string kind, string yaml)
    {
        var json = JsonSerializer.SerializeToElement(YamlToJson.Convert(yaml));
        var result = For(kind).Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }

    private static JsonSchema FromCrd(string file)
    {
        var crd = YamlToJson.Convert(File.ReadAllText(RepoRoot.Combine("schemas", "argo-rollouts-v1.9.1", file)))!;
        var version = crd["spec"]!["versions"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "v1alpha1")!;
        var schema = (JsonObject)Strict(version["schema"]!["openAPIV3Schema"]!);
        // The API server validates metadata itself (it is ObjectMeta); the CRD only says "object".
        schema["properties"]!["metadata"] = JsonNode.Parse(CoreV1.ObjectMeta);
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["required"] = new JsonArray("apiVersion", "kind", "metadata", "spec");
        schema["properties"]!["apiVersion"] = new JsonObject { ["const"] = crd["spec"]!["group"]!.GetValue<string>() + "/v1alpha1" };
        schema["properties"]!["kind"] = new JsonObject { ["const"] = crd["spec"]!["names"]!["kind"]!.GetValue<string>() };
        return JsonSchema.FromText(schema.ToJsonString());
    }

    private static JsonNode Strict(JsonNode node)
    {
        if (node is JsonArray array)
            return new JsonArray([.. array.Select(item => item is null ? null : Strict(item))]);
        if (node is not JsonObject obj)
            return node.DeepClone();
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key.StartsWith("x-kubernetes-", StringComparison.Ordinal) || key == "nullable" || value is null) continue;
            copy[key] = key switch
            {
                "properties" => new JsonObject(value.AsObject().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Strict(p.Value!)))),
                "items" or "additionalProperties" or "anyOf" or "allOf" or "oneOf" or "not" => Strict(value),
                _ => value.DeepClone(),
            };
        }
        var preserve = obj["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        if (obj["type"]?.GetValue<string>() == "object" && !preserve && !obj.ContainsKey("additionalProperties"))
            copy["additionalProperties"] = false;
        if (obj["nullable"]?.GetValue<bool>() == true && obj["type"] is JsonValue type)
            copy["type"] = new JsonArray(type.GetValue<string>(), "null");
        return copy;
    }
}
