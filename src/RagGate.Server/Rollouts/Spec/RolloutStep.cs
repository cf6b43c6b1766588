namespace RagGate.Server.Rollouts.Spec;

/// <summary>One canary step, as in Argo Rollouts: <see cref="SetWeightStep"/>, <see cref="PauseStep"/> or <see cref="AnalysisStep"/>.</summary>
public abstract record RolloutStep
{
    /// <summary>The 1-based line of the step in the spec file, for messages.</summary>
    public long Line { get; init; }
}
