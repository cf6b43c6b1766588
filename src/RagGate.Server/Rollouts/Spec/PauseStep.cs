namespace RagGate.Server.Rollouts.Spec;

/// <summary><c>pause: {duration: 30s}</c> waits that long; <c>pause: {}</c> waits until a person promotes.</summary>
/// <param name="Duration">How long to wait, or null to wait for <c>raggate rollout promote</c>.</param>
public sealed record PauseStep(TimeSpan? Duration) : RolloutStep;
