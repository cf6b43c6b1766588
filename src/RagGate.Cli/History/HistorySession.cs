using System.Globalization;
using System.Text.Json;
using RagGate.Evaluation;
using RagGate.History;
using Spectre.Console;

namespace RagGate.Cli.History;

/// <summary>The bodies of <c>raggate history list|show|prune</c>.</summary>
internal static class HistorySession
{
    // The metrics a listing shows when a run has them, in this order.
    private static readonly string[] ListedMetrics = ["recall@10", "ndcg@10", "keyword_coverage", "latency_p95_ms"];

    public static async Task<int> ListAsync(HistoryListSettings settings, CancellationToken cancellationToken)
    {
        settings.Validate();
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
                new Markup(Verdict(run)),
                new Text(run.System.Name),
                new Text(Metrics(run)));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }

    public static async Task<int> ShowAsync(HistoryShowSettings settings, CancellationToken cancellationToken)
    {
        settings.Validate();
        await using var store = await RunStores.OpenAsync(RunStoreLocation.NamedOrDefault(settings.Store), cancellationToken);
        var run = await store.GetAsync(settings.RunId, cancellationToken)
            ?? throw new InputException($"{store.Location}: no run with id {settings.RunId}; expected an id from raggate history list");
        if (settings.Print is not null)
        {
            await Console.Out.WriteAsync(settings.Print == HistoryShowSettings.PrintRun ? run.RunJson : run.ReportJson);
            return ExitCodes.Success;
        }

        AnsiConsole.MarkupLine($"Run [bold]{run.Id}[/] {Verdict(run)} · recorded {run.RecordedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}");
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

    public static async Task<int> PruneAsync(HistoryPruneSettings settings, CancellationToken cancellationToken)
    {
        settings.Validate();
        await using var store = await RunStores.OpenAsync(RunStoreLocation.NamedOrDefault(settings.Store), cancellationToken);
        var deleted = await store.PruneAsync(settings.Keep!.Value, cancellationToken);
        Console.WriteLine($"Deleted {deleted} runs from {store.Location}; kept the newest {settings.Keep} of each branch.");
        return ExitCodes.Success;
    }

    private static string Verdict(StoredRun run) =>
        run.Passed ? $"[green]✔ passed[/] ({run.GatesTotal} gates)" : $"[red]✘ failed[/] ({run.GatesFailed} of {run.GatesTotal} gates)";

    private static string Metrics(StoredRun run) =>
        string.Join("  ", ListedMetrics.Where(run.Metrics.ContainsKey).Select(m => $"{m} {run.Metrics[m].ToString("0.####", CultureInfo.InvariantCulture)}"));
}
