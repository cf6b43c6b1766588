namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate rollout abort</c>.</summary>
internal sealed record RolloutAbortCommandSettings : RolloutStateSettings;
