namespace RagGate.Server.Rollouts.Control;

/// <summary>What <c>raggate rollout start</c> was given.</summary>
public sealed record RolloutStartOptions
{
    /// <summary>The rollout spec file.</summary>
    public required string SpecPath { get; init; }

    /// <summary>The canary's raggate.yaml or URL, overriding the spec's; null for the spec's.</summary>
    public string? Canary { get; init; }

    /// <summary>The state folder; null for <c>.raggate/rollouts/NAME</c> beside the spec.</summary>
    public string? StateFolder { get; init; }

    /// <summary>How to start <c>raggate serve</c> for the revisions.</summary>
    public required ServeCommandLine Serve { get; init; }

    /// <summary>Start revisions with <c>--allow-faults</c> (drills).</summary>
    public bool AllowFaults { get; init; }
}
