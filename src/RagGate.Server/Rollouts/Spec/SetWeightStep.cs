namespace RagGate.Server.Rollouts.Spec;

/// <summary><c>setWeight: N</c>: send N percent of traffic to the canary.</summary>
/// <param name="Weight">The canary's share of traffic, 0 to 100.</param>
public sealed record SetWeightStep(int Weight) : RolloutStep;
