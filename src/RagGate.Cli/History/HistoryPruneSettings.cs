using RagGate.Evaluation;

namespace RagGate.Cli.History;

/// <summary>The settings of <c>raggate history prune</c>.</summary>
internal sealed record HistoryPruneSettings(string? Store, int? Keep)
{
    /// <summary>Throws an <see cref="InputException"/> when --keep is missing or below 1.</summary>
    public void Validate()
    {
        if (Keep is not >= 1)
            throw new InputException($"--keep: {(Keep is { } k ? k.ToString(System.Globalization.CultureInfo.InvariantCulture) : "missing")} is out of range; expected the number of runs to keep per branch, at least 1");
    }
}
