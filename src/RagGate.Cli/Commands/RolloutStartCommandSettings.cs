using RagGate.Cli.Hosting;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate rollout start</c>: the spec, the canary, the state folder.</summary>
internal sealed record RolloutStartCommandSettings : CommandSettings
{
    /// <summary>The rollout spec.</summary>
    public required string Spec { get; init; }

    /// <summary>The canary's raggate.yaml or URL, or null for the spec's.</summary>
    public string? Canary { get; init; }

    /// <summary>The state folder, or null for the spec's default.</summary>
    public string? State { get; init; }

    /// <summary>Start the revisions with <c>--allow-faults</c> (drills).</summary>
    public bool AllowFaults { get; init; }
}
