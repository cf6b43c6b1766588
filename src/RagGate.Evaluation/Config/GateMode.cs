using System.Text.Json.Serialization;

namespace RagGate.Evaluation.Config;

/// <summary>What a gate compares: the measured value, the pessimistic end of its interval, or a drop against a baseline.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GateMode>))]
public enum GateMode
{
    /// <summary>Gate on the measured value (<c>point</c>).</summary>
    [JsonStringEnumMemberName("point")]
    Point,

    /// <summary>Gate on the pessimistic end of the 95% interval (<c>lower-bound</c>).</summary>
    [JsonStringEnumMemberName("lower-bound")]
    LowerBound,

    /// <summary>A regression rule against a baseline run (<c>regression</c>).</summary>
    [JsonStringEnumMemberName("regression")]
    Regression,
}
