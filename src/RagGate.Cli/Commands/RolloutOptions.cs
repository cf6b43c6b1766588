using System.CommandLine;

namespace RagGate.Cli.Commands;

/// <summary>The options every command acting on an existing rollout takes.</summary>
internal static class RolloutOptions
{
    public static Option<string?> State() => new("--state") { Description = "The rollout's state folder" };

    public static Option<string?> Spec() => new("--spec") { Description = "The rollout spec, to use its default state folder" };
}
