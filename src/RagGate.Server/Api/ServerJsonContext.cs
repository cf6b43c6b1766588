using System.Text.Json.Serialization;
using RagGate.Evaluation.Targets;

namespace RagGate.Server.Api;

/// <summary>
/// Source-generated JSON for everything the server reads and writes (camelCase). The contract's
/// types are Evaluation's own (<see cref="HttpRetrieveRequest"/> and its siblings), so the client
/// that evaluates a service and the service itself cannot drift apart.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HttpRetrieveRequest))]
[JsonSerializable(typeof(HttpRetrieveResponse))]
[JsonSerializable(typeof(HttpAnswerRequest))]
[JsonSerializable(typeof(HttpAnswerResponse))]
[JsonSerializable(typeof(ContextResponse))]
[JsonSerializable(typeof(VersionResponse))]
[JsonSerializable(typeof(ReloadResponse))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;
