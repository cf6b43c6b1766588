using RagGate.Cli.Evaluating;
using RagGate.Cli.Hosting;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate eval</c>: the config, what to compare with, where to write, and how to run.</summary>
internal sealed record EvalCommandSettings : CommandSettings
{
    /// <summary>raggate.yaml.</summary>
    public required string Config { get; init; }

    /// <summary>A run.json to compare with (its regressions are gated), a run in history (<c>last-passing:BRANCH</c>, <c>last:BRANCH</c> or an id), or null.</summary>
    public string? Baseline { get; init; }

    /// <summary>True to run without a baseline when history has no such run (the first run on a repo).</summary>
    public bool BaselineOptional { get; init; }

    /// <summary>Where to record the run (a SQLite file or a postgres:// URL), or null for <c>$RAGGATE_STORE</c>.</summary>
    public string? Store { get; init; }

    /// <summary>The branch to record the run under, or null to detect it from CI or git.</summary>
    public string? Branch { get; init; }

    /// <summary>The folder for run.json, run.trec and the reports.</summary>
    public required string Out { get; init; }

    /// <summary>An existing run (run.json or a TREC run file) to score instead of querying the system, or null.</summary>
    public string? Run { get; init; }

    /// <summary>True to print report.json to stdout instead of the scorecard.</summary>
    public bool Json { get; init; }

    /// <summary><c>--concurrency</c> as typed (one level or a comma-separated list), or null for <c>eval.concurrency</c>.</summary>
    public string? Concurrency { get; init; }

    /// <summary>True to print the expected requests, tokens and cost without calling the target.</summary>
    public bool DryRun { get; init; }

    /// <summary>The concurrency levels of <see cref="Concurrency"/>, or null when it is not given.</summary>
    public IReadOnlyList<int>? ConcurrencyLevels => Concurrency is null ? null : ConcurrencyOption.Parse(Concurrency);

    /// <inheritdoc />
    public override void Validate() => _ = ConcurrencyLevels;
}
