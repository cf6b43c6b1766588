namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate rollout status</c>.</summary>
internal sealed record RolloutStatusCommandSettings : RolloutStateSettings
{
    /// <summary>Print the journal as JSON.</summary>
    public bool Json { get; init; }
}
