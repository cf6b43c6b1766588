using System.Text.Json.Serialization;

namespace RagGate.Evaluation.Scoring;

/// <summary>How a metric's 95% interval was made.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IntervalMethod>))]
public enum IntervalMethod
{
    /// <summary>No interval (percentiles, throughput).</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>Seeded percentile bootstrap of the mean.</summary>
    [JsonStringEnumMemberName("bootstrap")]
    Bootstrap,

    /// <summary>Wilson score interval of a pass rate.</summary>
    [JsonStringEnumMemberName("wilson")]
    Wilson,
}
