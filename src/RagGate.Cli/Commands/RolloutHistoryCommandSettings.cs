namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate rollout history</c>.</summary>
internal sealed record RolloutHistoryCommandSettings : RolloutStateSettings;
