using RagGate.Cli.Hosting;
using RagGate.Evaluation;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate history list</c>.</summary>
internal sealed record HistoryListCommandSettings : CommandSettings
{
    /// <summary>The store (a SQLite file or a postgres:// URL), or null for <c>$RAGGATE_STORE</c> or the default file.</summary>
    public string? Store { get; init; }

    /// <summary>Only runs of this branch, or null for all.</summary>
    public string? Branch { get; init; }

    /// <summary>At most this many runs, newest first.</summary>
    public int Limit { get; init; } = 20;

    /// <summary>True to print the runs as JSON.</summary>
    public bool Json { get; init; }

    /// <inheritdoc />
    public override void Validate()
    {
        if (Limit < 1)
            throw new InputException($"--limit: {Limit} is out of range; expected a whole number of runs, at least 1");
    }
}
