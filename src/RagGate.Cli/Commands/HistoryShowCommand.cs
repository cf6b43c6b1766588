using System.CommandLine;
using System.Globalization;
using RagGate.Cli.History;
using RagGate.Cli.Hosting;
using RagGate.Evaluation;
using RagGate.History;
using Spectre.Console;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate history show</c>: one recorded run's identity, verdict and metrics, or its run.json or report.json.</summary>
internal sealed class HistoryShowCommand : RaggateCommand<HistoryShowCommandSettings>
{
    private readonly Argument<string> _id = new("id") { Description = "The run id (from raggate history list)" };
    private readonly Option<string?> _store = HistoryStoreOption.Create();
    private readonly Option<string?> _print = new("--print") { Description = "Print one document of the run instead of the summary: run (run.json) or report (report.json)" };

    public HistoryShowCommand()
        : base("show", "Show one recorded run: identity, verdict and metrics, or its run.json or report.json") => AddSymbols(_id, _store, _print);

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(HistoryShowCommandSettings settings, CancellationToken cancellationToken)
    {
        await using var store = await RunStores.OpenAsync(RunStoreLocation.NamedOrDefault(settings.Store), cancellationToken);
        var run = await store.GetAsync(settings.RunId, cancellationToken)
            ?? throw new InputException($"{store.Location}: no run with id {settings.RunId}; expected an id from raggate history list");
        if (settings.Print is not null)
        {
            await Console.Out.WriteAsync(settings.Print == HistoryShowCommandSettings.PrintRun ? run.RunJson : run.ReportJson);
            return ExitCodes.Success;
        }

        AnsiConsole.MarkupLine($"Run [bold]{run.Id}[/] {StoredRunText.Verdict(run)} · recorded {run.RecordedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
        foreach (var (label, value) in new (string, string?)[]
        {
            ("branch", run.Branch), ("commit", run.GitSha), ("system", run.System.Name), ("embedding", run.System.EmbeddingModel),
            ("generation", run.System.GenerationModel), ("config", run.System.ConfigHash), ("index", run.System.IndexHash),
            ("golden set", run.GoldenSet), ("raggate", run.ToolVersion),
        })
        {
            if (value is not null)
                AnsiConsole.MarkupLine($"  [grey]{label,-10}[/] {Markup.Escape(value)}");
        }

        foreach (var (name, value) in run.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            AnsiConsole.MarkupLine($"  {Markup.Escape(name),-28} {value.ToString("0.####", CultureInfo.InvariantCulture)}");
        AnsiConsole.MarkupLine("[grey]raggate history show ID --print run|report prints run.json or report.json.[/]");
        return ExitCodes.Success;
    }

    /// <inheritdoc />
    protected override HistoryShowCommandSettings Bind(ParseResult parse) => new()
    {
        Id = parse.GetValue(_id)!,
        Store = parse.GetValue(_store),
        Print = parse.GetValue(_print),
    };
}
