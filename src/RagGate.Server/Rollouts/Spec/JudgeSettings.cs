namespace RagGate.Server.Rollouts.Spec;

/// <summary>How the judge decides a measurement: significance, sample minimums, absolute ceilings and the probes.</summary>
public sealed record JudgeSettings
{
    /// <summary>The significance level of every comparative test.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Requests each revision needs in a window before errors or latency get a verdict; fewer is Inconclusive, never Failed.</summary>
    public int MinSamples { get; init; } = 50;

    /// <summary>
    /// How long past its interval a traffic window may be extended to reach <see cref="MinSamples"/> on both
    /// revisions before it is judged Inconclusive: a slow machine or a low rate then gives a longer window, not a
    /// measurement without a verdict.
    /// </summary>
    public TimeSpan MaxSampleWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The canary's error rate above this fails, whatever stable does (the reference pipeline's 1%).</summary>
    public double ErrorRateCeiling { get; init; } = 0.01;

    /// <summary>The canary's p95 latency in milliseconds above this fails, whatever stable does (the reference's 500 ms).</summary>
    public double P95CeilingMs { get; init; } = 500;

    /// <summary>
    /// How much slower than the control the canary may be before the latency test counts it, as a fraction
    /// (0.1 = 10%): the test asks whether canary latencies exceed the control's scaled by 1 + tolerance.
    /// </summary>
    public double LatencyTolerance { get; init; } = 0.10;

    /// <summary>The golden probes of the quality measure.</summary>
    public ProbeSettings Probes { get; init; } = new();
}
