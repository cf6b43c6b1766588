using System.Text.Json.Serialization;

namespace RagGate.Evaluation.Targets;

/// <summary>Body of <c>POST /answer</c>; with <see cref="K"/> the response carries the ranking at that depth.</summary>
/// <param name="Query">The question.</param>
/// <param name="K">The depth of the ranking to return with the answer; null (not sent) for the answer alone.</param>
public sealed record HttpAnswerRequest(
    string Query,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? K = null);
