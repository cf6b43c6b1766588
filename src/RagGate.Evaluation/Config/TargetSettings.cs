namespace RagGate.Evaluation.Config;

/// <summary>Which system is evaluated: the embedded engine, or an HTTP service speaking RagGate's contract.</summary>
public sealed record TargetSettings
{
    /// <summary>The embedded engine.</summary>
    public const string Embedded = "embedded";

    /// <summary>An HTTP service.</summary>
    public const string Http = "http";

    /// <summary><c>embedded</c> or <c>http</c>.</summary>
    public string Kind { get; init; } = Embedded;

    /// <summary>Base URL of the HTTP target.</summary>
    public string? Url { get; init; }

    /// <summary>RagGate counts the tokens itself when an answer has no <c>usage</c>.</summary>
    public const string UsageEstimate = "estimate";

    /// <summary>An answer without <c>usage</c> is a per-query error.</summary>
    public const string UsageRequired = "required";

    /// <summary><c>estimate</c> (count missing usage with the generation model's tokenizer) or <c>required</c>.</summary>
    public string Usage { get; init; } = UsageEstimate;

    /// <summary>Per-request timeout of the HTTP target, in seconds.</summary>
    public double TimeoutSeconds { get; init; } = 30;
}
