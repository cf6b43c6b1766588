namespace RagGate.Server.Rollouts.Spec;

/// <summary>What a RagGate metric measures (<c>provider: {raggate: {measure: ...}}</c>).</summary>
public enum MeasureKind
{
    /// <summary><c>errors</c>: the canary's error rate against the control's (Fisher's exact test) and an absolute ceiling.</summary>
    Errors,

    /// <summary><c>latency</c>: the canary's latency against the control's (Mann-Whitney U with a tolerance) and an absolute p95 ceiling.</summary>
    Latency,

    /// <summary><c>quality</c>: golden probes sent to both revisions, recall@k and answer checks compared as paired data.</summary>
    Quality,
}
