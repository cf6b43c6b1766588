using System.Globalization;
using RagGate.Cli.Hosting;
using RagGate.Evaluation;

namespace RagGate.Cli.Commands;

/// <summary>The settings of <c>raggate history show</c>.</summary>
internal sealed record HistoryShowCommandSettings : CommandSettings
{
    /// <summary><c>--print run</c>: the run's run.json.</summary>
    public const string PrintRun = "run";

    /// <summary><c>--print report</c>: the run's report.json.</summary>
    public const string PrintReport = "report";

    /// <summary>The store (a SQLite file or a postgres:// URL), or null for <c>$RAGGATE_STORE</c> or the default file.</summary>
    public string? Store { get; init; }

    /// <summary>The run id as typed (<c>12</c> or <c>run:12</c>).</summary>
    public required string Id { get; init; }

    /// <summary><see cref="PrintRun"/>, <see cref="PrintReport"/>, or null for the summary.</summary>
    public string? Print { get; init; }

    /// <summary>The run id, checked.</summary>
    public long RunId => long.Parse(Digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private string Digits => Id.StartsWith("run:", StringComparison.Ordinal) ? Id[4..] : Id;

    /// <inheritdoc />
    public override void Validate()
    {
        if (!long.TryParse(Digits, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            throw new InputException($"id: '{Id}' is not a run id; expected a number from raggate history list");
        if (Print is not (null or PrintRun or PrintReport))
            throw new InputException($"--print: '{Print}' is not allowed; expected {PrintRun} or {PrintReport}");
    }
}
