using RagGate.Server.Rollouts.Routing;
using RagGate.Server.Rollouts.Spec;

namespace RagGate.Server.Rollouts.Control;

/// <summary>Everything a controller runs with: the spec and canary, where its state lives, and its collaborators.</summary>
public sealed record ControllerOptions
{
    /// <summary>The rollout spec.</summary>
    public required RolloutSpec Spec { get; init; }

    /// <summary>The canary (from <c>--canary</c>, else the spec's).</summary>
    public required RevisionSource Canary { get; init; }

    /// <summary>The state folder (journal).</summary>
    public required string StateFolder { get; init; }

    /// <summary>The golden set the probes and the traffic come from.</summary>
    public required string GoldenSet { get; init; }

    /// <summary>Starts the revisions.</summary>
    public required IRevisionHost Revisions { get; init; }

    /// <summary>Runs the analysis steps (the judge).</summary>
    public required IAnalysisRunner Analysis { get; init; }

    /// <summary>The clock every wait and timestamp uses.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The router's settings.</summary>
    public RouterOptions Router { get; init; } = new();
}
