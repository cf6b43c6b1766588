using RagGate.Cli.Hosting;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate compare</c>: two runs, and where the golden set and the rules come from.</summary>
internal sealed record CompareCommandSettings : CommandSettings
{
    /// <summary>The baseline run.json.</summary>
    public required string Baseline { get; init; }

    /// <summary>The candidate run.json.</summary>
    public required string Candidate { get; init; }

    /// <summary>raggate.yaml with the gates and regression rules, or null to use the rules recorded in the baseline run.</summary>
    public string? Config { get; init; }

    /// <summary>The golden set, or null for the config's or the one recorded in the candidate run.</summary>
    public string? Golden { get; init; }

    /// <summary>A folder to write the reports to as well, or null.</summary>
    public string? Out { get; init; }
}
