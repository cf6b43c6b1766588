using System.CommandLine;
using RagGate.Cli.Evaluating;
using RagGate.Cli.Hosting;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate eval</c>: runs the golden set, scores it, applies the gates and writes the reports.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "raggate.yaml", DefaultValueFactory = _ => "raggate.yaml" };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "A run.json to compare with, or a run in history: last-passing:BRANCH, last:BRANCH or a run id; regressions are gated",
        };
        var baselineOptional = new Option<bool>("--baseline-optional") { Description = "Run without a baseline when history has no such run (the first run on a repo)" };
        var store = new Option<string?>("--store") { Description = "Record the run in history: a SQLite file (.raggate/history.db) or postgres://user@host:port/db; default $RAGGATE_STORE" };
        var branch = new Option<string?>("--branch") { Description = "The branch to record the run under (default: from GitHub Actions or git)" };
        var output = new Option<string>("--out") { Description = "Folder for run.json, run.trec and the reports", DefaultValueFactory = _ => ".raggate/report" };
        var run = new Option<string?>("--run") { Description = "Score an existing run (run.json or a TREC run file) instead of querying the system" };
        var json = new Option<bool>("--json") { Description = "Print report.json to stdout instead of the scorecard" };
        var concurrency = new Option<string?>("--concurrency") { Description = "Concurrent clients (or a list, 1,4,16) against an http target; overrides eval.concurrency" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the expected requests, tokens and cost without calling the target" };
        var command = new Command("eval", "Evaluate a RAG system on a golden set and gate the change")
        {
            config, baseline, baselineOptional, store, branch, output, run, json, concurrency, dryRun,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(token => new EvalSession(
            parse.GetValue(config)!, parse.GetValue(baseline), parse.GetValue(output)!, parse.GetValue(run), parse.GetValue(json),
            parse.GetValue(concurrency), parse.GetValue(dryRun),
            new HistoryOptions(parse.GetValue(store), parse.GetValue(branch), parse.GetValue(baselineOptional))).RunAsync(token), ct));
        return command;
    }
}
