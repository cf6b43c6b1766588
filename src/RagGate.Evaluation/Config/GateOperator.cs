using System.Text.Json.Serialization;

namespace RagGate.Evaluation.Config;

/// <summary>How a gate compares a value with its threshold; written as the symbol (<c>&gt;=</c>) in files and reports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GateOperator>))]
public enum GateOperator
{
    /// <summary><c>&gt;=</c></summary>
    [JsonStringEnumMemberName(">=")]
    AtLeast,

    /// <summary><c>&gt;</c></summary>
    [JsonStringEnumMemberName(">")]
    Above,

    /// <summary><c>&lt;=</c></summary>
    [JsonStringEnumMemberName("<=")]
    AtMost,

    /// <summary><c>&lt;</c></summary>
    [JsonStringEnumMemberName("<")]
    Below,

    /// <summary>A regression rule: the largest drop allowed against a baseline (<c>max_drop</c>).</summary>
    [JsonStringEnumMemberName("max_drop")]
    MaxDrop,
}
