using System.Globalization;
using RagGate.Cli.Hosting;
using RagGate.Evaluation;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate history prune</c>.</summary>
internal sealed record HistoryPruneCommandSettings : CommandSettings
{
    /// <summary>The store (a SQLite file or a postgres:// URL), or null for <c>$RAGGATE_STORE</c> or the default file.</summary>
    public string? Store { get; init; }

    /// <summary>The newest runs of each branch to keep; required.</summary>
    public int? Keep { get; init; }

    /// <inheritdoc />
    public override void Validate()
    {
        if (Keep is not >= 1)
            throw new InputException($"--keep: {(Keep is { } k ? k.ToString(CultureInfo.InvariantCulture) : "missing")} is out of range; expected the number of runs to keep per branch, at least 1");
    }
}
