using System.CommandLine;
using System.Globalization;
using RagGate.Cli.Evaluating;
using RagGate.Cli.Hosting;
using RagGate.Engine.Configuration;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Cost;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate compare</c>: a candidate run against a baseline run, both scored on the same golden set, then paired.</summary>
internal sealed class CompareCommand : RaggateCommand<CompareCommandSettings>
{
    private readonly Argument<string> _baseline = new("baseline") { Description = "Baseline run.json" };
    private readonly Argument<string> _candidate = new("candidate") { Description = "Candidate run.json" };
    private readonly Option<string?> _config = new("--config") { Description = "raggate.yaml with gates and regression rules" };
    private readonly Option<string?> _golden = new("--golden") { Description = "Golden set (default: the one recorded in the candidate run)" };
    private readonly Option<string?> _out = new("--out") { Description = "Also write the reports to this folder" };

    public CompareCommand()
        : base("compare", "Compare two runs: deltas with intervals and p-values, and the queries that got worse")
    {
        AddSymbols(_baseline, _candidate, _config, _golden, _out);
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CompareCommandSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Out is not null) ReportFolder.Check(settings.Out);
        var baseline = await RunFile.ReadAsync(settings.Baseline, cancellationToken);
        var candidate = await RunFile.ReadAsync(settings.Candidate, cancellationToken);
        var fromFile = settings.Config is null ? null : RagGateConfigLoader.Load(settings.Config).Evaluation;
        var goldenFile = settings.Golden ?? fromFile?.Eval.Golden ?? candidate.GoldenSet
            ?? throw new InputException($"{settings.Candidate}: goldenSet: missing; pass --golden <file>");
        var golden = GoldenSetLoader.Load(goldenFile);
        RunCoverage.Require(baseline, settings.Baseline, golden);
        RunCoverage.Require(candidate, settings.Candidate, golden);
        if (fromFile is null && candidate.Queries.Any(q => q.Answer is not null) && !PriceTable.Default.Contains(candidate.System.GenerationModel))
        {
            throw InputException.At(settings.Candidate, "system.generationModel",
                $"no price for '{candidate.System.GenerationModel}' in {PriceTable.BuiltInSource}; expected a priced model, or pass --config with eval.prices");
        }

        var config = fromFile ?? RecordedRules(settings, baseline, candidate, goldenFile);
        var rulesFrom = fromFile is null ? $"recorded in the baseline run {settings.Baseline}" : $"from {settings.Config}";

        // Answer relevance and groundedness need the embedder; compare scores what the runs hold without it.
        var scoring = ScoringSetup.Create(config, embedder: null);
        var report = await EvaluationReportBuilder.BuildAsync(candidate, golden, config, scoring, baseline, TimeProvider.System, cancellationToken);
        report.Notes.Insert(0, RulesNote(config, rulesFrom));
        var target = settings.Out ?? Path.Combine(Path.GetTempPath(), $"raggate-compare-{Guid.NewGuid():N}");
        await ReportOutput.WriteAsync(report, run: null, target, json: false, cancellationToken);
        if (settings.Out is null) Directory.Delete(target, recursive: true);
        return report.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
    }

    /// <inheritdoc />
    protected override CompareCommandSettings Bind(ParseResult parse) => new()
    {
        Baseline = parse.GetValue(_baseline)!,
        Candidate = parse.GetValue(_candidate)!,
        Config = parse.GetValue(_config),
        Golden = parse.GetValue(_golden),
        Out = parse.GetValue(_out),
    };

    // Without --config, the gates and rules are the ones the baseline run was gated with.
    private static EvaluationConfig RecordedRules(CompareCommandSettings settings, Run baseline, Run candidate, string goldenFile)
    {
        if (baseline.Regressions is not { Count: > 0 } recorded)
            throw InputException.At(settings.Baseline, "regressions", "no regression rules recorded with this run; expected a run.json written by raggate eval with regression rules, or pass --config raggate.yaml");
        return new EvaluationConfig
        {
            Path = Path.GetFullPath("raggate.yaml"),
            Eval = new EvalSettings { Golden = goldenFile },
            GenerationModel = candidate.System.GenerationModel,
            Gates = baseline.Gates ?? [],
            Regressions = recorded,
        };
    }

    private static string RulesNote(EvaluationConfig config, string from)
    {
        var rules = string.Join("; ", config.Regressions.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Metric} max_drop {r.MaxDrop} alpha {r.Alpha}")));
        return $"Rules applied ({from}): {(rules.Length == 0 ? "no regression rules" : rules)}; {config.Gates.Count} threshold gates.";
    }
}
