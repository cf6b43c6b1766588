using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RagGate.Cli.History;
using RagGate.Cli.Hosting;
using RagGate.History;
using Spectre.Console;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate history list</c>: recorded runs, newest first.</summary>
internal sealed class HistoryListCommand : RaggateCommand<HistoryListCommandSettings>
{
    private readonly Option<string?> _store = HistoryStoreOption.Create();
    private readonly Option<string?> _branch = new("--branch") { Description = "Only runs of this branch" };
    private readonly Option<int> _limit = new("--limit") { Description = "At most this many runs, newest first", DefaultValueFactory = _ => 20 };
    private readonly Option<bool> _json = new("--json") { Description = "Print the runs as JSON" };

    public HistoryListCommand()
        : base("list", "List recorded runs, newest first") => AddSymbols(_store, _branch, _limit, _json);

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(HistoryListCommandSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await RunStores.OpenAsync(RunStoreLocation.NamedOrDefault(settings.Store), cancellationToken);
        var runs = await store.ListAsync(settings.Branch, settings.Limit, cancellationToken);
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(runs, HistoryJsonContext.Default.IReadOnlyListStoredRun));
            return ExitCodes.Success;
        }

        if (runs.Count == 0)
        {
            Console.WriteLine($"No runs in {store.Location}{(settings.Branch is null ? "" : $" on branch '{settings.Branch}'")}.");
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"Runs in {Markup.Escape(store.Location)}")
            .AddColumn(new TableColumn("Id").RightAligned()).AddColumn("Recorded (UTC)").AddColumn("Branch").AddColumn("Commit")
            .AddColumn("Verdict").AddColumn("System").AddColumn("Metrics");
        foreach (var run in runs)
        {
            table.AddRow(
                new Text(run.Id.ToString(CultureInfo.InvariantCulture)),
                new Text(run.RecordedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                new Text(run.Branch ?? "-"),
                new Text(run.GitSha is { Length: >= 7 } sha ? sha[..7] : "-"),
                new Markup(StoredRunText.Verdict(run)),
                new Text(run.System.Name),
                new Text(StoredRunText.Metrics(run)));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }

    /// <inheritdoc />
    protected override HistoryListCommandSettings Bind(ParseResult parse) => new()
    {
        Store = parse.GetValue(_store),
        Branch = parse.GetValue(_branch),
        Limit = parse.GetValue(_limit),
        Json = parse.GetValue(_json),
    };
}
