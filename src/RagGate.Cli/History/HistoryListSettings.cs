using RagGate.Evaluation;

namespace RagGate.Cli.History;

/// <summary>The settings of <c>raggate history list</c>.</summary>
internal sealed record HistoryListSettings(string? Store, string? Branch, int Limit, bool Json)
{
    /// <summary>Throws an <see cref="InputException"/> when a setting is out of range.</summary>
    public void Validate()
    {
        if (Limit < 1)
            throw new InputException($"--limit: {Limit} is out of range; expected a whole number of runs, at least 1");
    }
}
