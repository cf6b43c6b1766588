using System.Globalization;
using RagGate.Evaluation;

namespace RagGate.Cli.History;

/// <summary>The settings of <c>raggate history show</c>.</summary>
internal sealed record HistoryShowSettings(string? Store, string Id, string? Print)
{
    public const string PrintRun = "run";
    public const string PrintReport = "report";

    /// <summary>The run id, checked.</summary>
    public long RunId => long.Parse(Id.StartsWith("run:", StringComparison.Ordinal) ? Id[4..] : Id, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Throws an <see cref="InputException"/> when the id or --print is not understood.</summary>
    public void Validate()
    {
        if (!long.TryParse(Id.StartsWith("run:", StringComparison.Ordinal) ? Id[4..] : Id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw new InputException($"id: '{Id}' is not a run id; expected a number from raggate history list");
        if (Print is not (null or PrintRun or PrintReport))
            throw new InputException($"--print: '{Print}' is not allowed; expected {PrintRun} or {PrintReport}");
    }
}
