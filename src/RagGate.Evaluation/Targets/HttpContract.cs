using System.Text.Json.Serialization;

namespace RagGate.Evaluation.Targets;

/// <summary>Body of <c>POST /retrieve</c>.</summary>
public sealed record HttpRetrieveRequest(string Query, int K);

/// <summary>Response of <c>POST /retrieve</c>.</summary>
public sealed record HttpRetrieveResponse(IReadOnlyList<RetrievedDocument> Documents);

/// <summary>Body of <c>POST /answer</c>.</summary>
public sealed record HttpAnswerRequest(string Query);

/// <summary>Token usage in the HTTP contract.</summary>
public sealed record HttpUsage(int PromptTokens, int CompletionTokens, int ContextTokens);

/// <summary>Response of <c>POST /answer</c>.</summary>
public sealed record HttpAnswerResponse(
    string Answer,
    IReadOnlyList<RetrievedDocument> Documents,
    string? Context,
    HttpUsage? Usage,
    bool Refused,
    double RetrievalMs);

/// <summary>Source-generated JSON for the HTTP target contract (camelCase).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HttpRetrieveRequest))]
[JsonSerializable(typeof(HttpRetrieveResponse))]
[JsonSerializable(typeof(HttpAnswerRequest))]
[JsonSerializable(typeof(HttpAnswerResponse))]
public sealed partial class HttpTargetJsonContext : JsonSerializerContext;
