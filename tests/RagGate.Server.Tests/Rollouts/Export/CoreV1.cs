namespace RagGate.Server.Tests.Rollouts.Export;

/// <summary>
/// Strict subsets of the Kubernetes core/v1 API (field names and types as in the API reference) for the core kinds
/// the export writes, which have no CRD to validate against.
/// </summary>
internal static class CoreV1
{
    public const string ObjectMeta = """
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["name"],
          "properties": {
            "name": { "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "maxLength": 63 },
            "namespace": { "type": "string" },
            "labels": { "type": "object", "additionalProperties": { "type": "string" } },
            "annotations": { "type": "object", "additionalProperties": { "type": "string" } }
          }
        }
        """;

    public const string Service = $$"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "required": ["apiVersion", "kind", "metadata", "spec"],
          "properties": {
            "apiVersion": { "const": "v1" },
            "kind": { "const": "Service" },
            "metadata": {{ObjectMeta}},
            "spec": {
              "type": "object",
              "additionalProperties": false,
              "required": ["ports"],
              "properties": {
                "type": { "enum": ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"] },
                "selector": { "type": "object", "additionalProperties": { "type": "string" } },
                "ports": {
                  "type": "array",
                  "minItems": 1,
                  "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["port"],
                    "properties": {
                      "name": { "type": "string" },
                      "port": { "type": "integer", "minimum": 1, "maximum": 65535 },
                      "targetPort": { "anyOf": [ { "type": "integer" }, { "type": "string" } ] },
                      "protocol": { "enum": ["TCP", "UDP", "SCTP"] }
                    }
                  }
                }
              }
            }
          }
        }
        """;

    public const string ConfigMap = $$"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "additionalProperties": false,
          "required": ["apiVersion", "kind", "metadata"],
          "properties": {
            "apiVersion": { "const": "v1" },
            "kind": { "const": "ConfigMap" },
            "metadata": {{ObjectMeta}},
            "data": { "type": "object", "propertyNames": { "pattern": "^[-._a-zA-Z0-9]+$" }, "additionalProperties": { "type": "string" } },
            "immutable": { "type": "boolean" }
          }
        }
        """;
}
