namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate rollout promote</c>.</summary>
internal sealed record RolloutPromoteCommandSettings : RolloutStateSettings
{
    /// <summary>Skip every remaining step and analysis.</summary>
    public bool Full { get; init; }
}
