namespace RagGate.Server.Rollouts.Spec;

/// <summary>
/// The fields of <c>result</c> a condition may use, per measure. The judge fills exactly these; "control" is
/// stable, or the baseline when the spec asks for one. Latencies are in milliseconds, rates in [0, 1].
/// </summary>
public static class ResultFields
{
    /// <summary>The canary's error rate.</summary>
    public const string ErrorRate = "errorRate";

    /// <summary>The control's error rate.</summary>
    public const string ControlErrorRate = "controlErrorRate";

    /// <summary>The canary's requests in the window.</summary>
    public const string Requests = "requests";

    /// <summary>The control's requests in the window.</summary>
    public const string ControlRequests = "controlRequests";

    /// <summary>The canary's failed requests in the window.</summary>
    public const string Errors = "errors";

    /// <summary>The canary's median latency.</summary>
    public const string P50 = "p50";

    /// <summary>The canary's 95th percentile latency.</summary>
    public const string P95 = "p95";

    /// <summary>The canary's 99th percentile latency.</summary>
    public const string P99 = "p99";

    /// <summary>The control's median latency.</summary>
    public const string ControlP50 = "controlP50";

    /// <summary>The control's 95th percentile latency.</summary>
    public const string ControlP95 = "controlP95";

    /// <summary>The canary's mean recall@k over the probes.</summary>
    public const string Recall = "recall";

    /// <summary>The control's mean recall@k over the probes.</summary>
    public const string ControlRecall = "controlRecall";

    /// <summary>The control's mean recall@k minus the canary's.</summary>
    public const string RecallDrop = "recallDrop";

    /// <summary>The canary's answer-check pass rate over the probes.</summary>
    public const string AnswerPassRate = "answerPassRate";

    /// <summary>The control's answer-check pass rate over the probes.</summary>
    public const string ControlAnswerPassRate = "controlAnswerPassRate";

    /// <summary>The control's pass rate minus the canary's.</summary>
    public const string AnswerDrop = "answerDrop";

    /// <summary>Paired probes both revisions answered.</summary>
    public const string Probes = "probes";

    /// <summary>The p-value of the measure's comparative test (the smallest, Holm-adjusted, for quality).</summary>
    public const string PValue = "pValue";

    private static readonly string[] Traffic =
        [ErrorRate, ControlErrorRate, Requests, ControlRequests, Errors, P50, P95, P99, ControlP50, ControlP95, PValue];

    private static readonly string[] Quality =
        [Recall, ControlRecall, RecallDrop, AnswerPassRate, ControlAnswerPassRate, AnswerDrop, Probes, PValue];

    /// <summary>The fields a measure's result has; errors and latency share the traffic window's fields.</summary>
    public static IReadOnlyList<string> For(MeasureKind measure) => measure == MeasureKind.Quality ? Quality : Traffic;
}
