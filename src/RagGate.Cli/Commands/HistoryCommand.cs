using System.CommandLine;
using RagGate.Cli.History;
using RagGate.Cli.Hosting;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate history list|show|prune</c>: the runs recorded by <c>raggate eval --store</c>.</summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var command = new Command("history", "Runs recorded by raggate eval --store: list them, show one, prune old ones");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Prune());
        return command;
    }

    private static Option<string?> StoreOption() =>
        new("--store") { Description = "A SQLite file or postgres://user@host:port/db (default: $RAGGATE_STORE, else .raggate/history.db)" };

    private static Command List()
    {
        var store = StoreOption();
        var branch = new Option<string?>("--branch") { Description = "Only runs of this branch" };
        var limit = new Option<int>("--limit") { Description = "At most this many runs, newest first", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the runs as JSON" };
        var command = new Command("list", "List recorded runs, newest first") { store, branch, limit, json };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(token => HistorySession.ListAsync(
            new HistoryListSettings(parse.GetValue(store), parse.GetValue(branch), parse.GetValue(limit), parse.GetValue(json)), token), ct));
        return command;
    }

    private static Command Show()
    {
        var store = StoreOption();
        var id = new Argument<string>("id") { Description = "The run id (from raggate history list)" };
        var part = new Option<string?>("--print") { Description = "Print one document of the run instead of the summary: run (run.json) or report (report.json)" };
        var command = new Command("show", "Show one recorded run: identity, verdict and metrics, or its run.json or report.json") { id, store, part };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(token => HistorySession.ShowAsync(
            new HistoryShowSettings(parse.GetValue(store), parse.GetValue(id)!, parse.GetValue(part)), token), ct));
        return command;
    }

    private static Command Prune()
    {
        var store = StoreOption();
        var keep = new Option<int?>("--keep") { Description = "Keep the newest N runs of each branch and delete the rest" };
        var command = new Command("prune", "Delete all but the newest runs of each branch") { store, keep };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(token => HistorySession.PruneAsync(
            new HistoryPruneSettings(parse.GetValue(store), parse.GetValue(keep)), token), ct));
        return command;
    }
}
