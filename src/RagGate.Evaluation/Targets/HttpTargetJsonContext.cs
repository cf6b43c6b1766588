using System.Text.Json.Serialization;

namespace RagGate.Evaluation.Targets;

/// <summary>Source-generated JSON for the HTTP target contract (camelCase).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HttpRetrieveRequest))]
[JsonSerializable(typeof(HttpRetrieveResponse))]
[JsonSerializable(typeof(HttpAnswerRequest))]
[JsonSerializable(typeof(HttpAnswerResponse))]
internal sealed partial class HttpTargetJsonContext : JsonSerializerContext;
