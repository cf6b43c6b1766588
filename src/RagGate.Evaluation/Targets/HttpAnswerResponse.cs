using System.Text.Json.Serialization;

namespace RagGate.Evaluation.Targets;

/// <summary>Response of <c>POST /answer</c>; <see cref="Ranking"/> only when the request asked for one with <c>k</c>.</summary>
public sealed record HttpAnswerResponse(
    string Answer,
    IReadOnlyList<RetrievedDocument> Documents,
    string? Context,
    HttpUsage? Usage,
    bool? Refused,
    double RetrievalMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RetrievedDocument>? Ranking = null);
