using System.CommandLine;
using RagGate.Cli.Evaluating;
using RagGate.Cli.Hosting;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate compare</c>: a candidate run against a baseline run, metric by metric and query by query.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var baseline = new Argument<string>("baseline") { Description = "Baseline run.json" };
        var candidate = new Argument<string>("candidate") { Description = "Candidate run.json" };
        var config = new Option<string?>("--config") { Description = "raggate.yaml with gates and regression rules" };
        var golden = new Option<string?>("--golden") { Description = "Golden set (default: the one recorded in the candidate run)" };
        var output = new Option<string?>("--out") { Description = "Also write the reports to this folder" };
        var command = new Command("compare", "Compare two runs: deltas with intervals and p-values, and the queries that got worse")
        {
            baseline, candidate, config, golden, output,
        };
        command.SetAction((parse, ct) => CommandGuard.RunAsync(token => CompareSession.RunAsync(
            parse.GetValue(baseline)!, parse.GetValue(candidate)!, parse.GetValue(config), parse.GetValue(golden), parse.GetValue(output), token), ct));
        return command;
    }
}
