using System.CommandLine;
using Microsoft.Extensions.AI;
using RagGate.Cli.Evaluating;
using RagGate.Cli.Hosting;
using RagGate.Engine.Configuration;
using RagGate.Engine.Ingestion;
using RagGate.Engine.Pipeline;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;

namespace RagGate.Cli.Commands;

/// <summary><c>raggate eval</c>: load, run the golden set (or read a run), score, gate and write the reports.</summary>
internal sealed class EvalCommand : RaggateCommand<EvalCommandSettings>
{
    private readonly Option<string> _config = new("--config") { Description = "raggate.yaml", DefaultValueFactory = _ => "raggate.yaml" };
    private readonly Option<string?> _baseline = new("--baseline")
    {
        Description = "A run.json to compare with, or a run in history: last-passing:BRANCH, last:BRANCH or a run id; regressions are gated",
    };

    private readonly Option<bool> _baselineOptional = new("--baseline-optional") { Description = "Run without a baseline when history has no such run (the first run on a repo)" };
    private readonly Option<string?> _store = new("--store") { Description = "Record the run in history: a SQLite file (.raggate/history.db) or postgres://user@host:port/db; default $RAGGATE_STORE" };
    private readonly Option<string?> _branch = new("--branch") { Description = "The branch to record the run under (default: from GitHub Actions or git)" };
    private readonly Option<string> _out = new("--out") { Description = "Folder for run.json, run.trec and the reports", DefaultValueFactory = _ => ".raggate/report" };
    private readonly Option<string?> _run = new("--run") { Description = "Score an existing run (run.json or a TREC run file) instead of querying the system" };
    private readonly Option<bool> _json = new("--json") { Description = "Print report.json to stdout instead of the scorecard" };
    private readonly Option<string?> _concurrency = new("--concurrency") { Description = "Concurrent clients (or a list, 1,4,16) against an http target; overrides eval.concurrency" };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print the expected requests, tokens and cost without calling the target" };

    public EvalCommand()
        : base("eval", "Evaluate a RAG system on a golden set and gate the change")
    {
        AddSymbols(_config, _baseline, _baselineOptional, _store, _branch, _out, _run, _json, _concurrency, _dryRun);
    }

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(EvalCommandSettings settings, CancellationToken cancellationToken)
    {
        var config = WithOverrides(RagGateConfigLoader.Load(settings.Config), settings);
        var golden = config.Evaluation.Eval.Split is { } split ? GoldenSetLoader.Load(config.Evaluation.Eval.Golden, split) : GoldenSetLoader.Load(config.Evaluation.Eval.Golden);
        if (settings.DryRun)
        {
            Console.WriteLine(DryRun.Describe(config, golden, DryRun.Estimate(config, golden)));
            return ExitCodes.Success;
        }

        ReportFolder.Check(settings.Out);
        GoldenSetIds.Require(golden);
        await using var store = await EvalHistory.OpenAsync(settings.Store, settings.Baseline, settings.Branch, Path.GetDirectoryName(config.Path)!, cancellationToken);
        var baseline = store.BaselineFromHistory ? await store.ResolveBaselineAsync(settings.BaselineOptional, golden, cancellationToken)
            : settings.Baseline is null ? null : await RunFile.ReadAsync(settings.Baseline, cancellationToken);
        if (baseline is not null && !store.BaselineFromHistory) RunCoverage.Require(baseline, settings.Baseline!, golden);
        var imported = settings.Run is null ? null : await EvalRun.ReadAsync(settings.Run, golden, cancellationToken);
        if (imported is not null) CutoffCheck.Validate(config.Evaluation, EvalRun.Depth(imported), $"the depth of {settings.Run}");

        using var engine = imported is null && config.Evaluation.Target.Kind == TargetSettings.Embedded ? await OpenEngineAsync(config, golden, cancellationToken) : null;
        Run run;
        if (imported is not null)
        {
            run = imported;
        }
        else
        {
            using var http = engine is null ? EvalRun.HttpTargetFor(config.Evaluation) : null;
            run = await EvalRun.ExecuteAsync(config.Evaluation, golden, engine?.Target ?? http!, cancellationToken);
        }

        // Recorded so that `raggate compare` applies the rules this run was gated with, not a guess.
        run.Gates = [.. config.Evaluation.Gates];
        run.Regressions = [.. config.Evaluation.Regressions];

        using var ownEmbedder = engine?.Embedder is null && ScoringSetup.NeedsEmbedder(config) ? RagEngine.CreateEmbedder(config.Engine.Embedding) : null;
        IEmbeddingGenerator<string, Embedding<float>>? embedder = engine?.Embedder ?? ownEmbedder;
        var scoring = ScoringSetup.Create(config.Evaluation, embedder);
        var report = await EvaluationReportBuilder.BuildAsync(run, golden, config.Evaluation, scoring, baseline, TimeProvider.System, cancellationToken);
        await store.FinishAsync(run, report, config.Evaluation, cancellationToken);

        await ReportOutput.WriteAsync(report, run, settings.Out, settings.Json, cancellationToken);
        if (run.Stopped is { } stopped) await Console.Error.WriteLineAsync($"raggate: {stopped}");
        return report.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
    }

    /// <inheritdoc />
    protected override EvalCommandSettings Bind(ParseResult parse) => new()
    {
        Config = parse.GetValue(_config)!,
        Baseline = parse.GetValue(_baseline),
        BaselineOptional = parse.GetValue(_baselineOptional),
        Store = parse.GetValue(_store),
        Branch = parse.GetValue(_branch),
        Out = parse.GetValue(_out)!,
        Run = parse.GetValue(_run),
        Json = parse.GetValue(_json),
        Concurrency = parse.GetValue(_concurrency),
        DryRun = parse.GetValue(_dryRun),
    };

    private static RagGateConfig WithOverrides(RagGateConfig config, EvalCommandSettings settings)
    {
        if (settings.ConcurrencyLevels is { } levels) config = config with { Evaluation = config.Evaluation with { Eval = config.Evaluation.Eval with { Concurrency = levels } } };
        if (config.Evaluation.Target.Kind == TargetSettings.Embedded && settings.Run is null && !settings.DryRun && config.Evaluation.Eval.Concurrency.Any(c => c > 1))
        {
            throw new InputException($"{config.Path}: eval.concurrency: more than one client needs an http target; the embedded engine runs in this process, one query at a time");
        }

        return config;
    }

    private static async Task<RagEngine> OpenEngineAsync(RagGateConfig config, GoldenSet golden, CancellationToken cancellationToken)
    {
        // Judgments and ids are checked against the corpus before anything is embedded, so a typo fails in a second, not after indexing.
        var corpus = config.Engine.Corpus is not null ? await CorpusReader.ReadAsync(config.Engine.Corpus, cancellationToken) : null;
        if (corpus is not null)
        {
            foreach (var document in corpus.Documents)
                TrecIds.Require(document.Id, config.Engine.Corpus!, "document id");
            GoldenSetLoader.ValidateDocumentIds(golden, corpus.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal));
        }

        var engine = await ProgressBar.RunAsync("Indexing", "docs", p => RagEngine.OpenAsync(config, corpus, p, cancellationToken));
        try
        {
            if (corpus is null) GoldenSetLoader.ValidateDocumentIds(golden, engine.Index.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal));
            return engine;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }
}
