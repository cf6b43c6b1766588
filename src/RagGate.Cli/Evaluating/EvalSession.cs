using Microsoft.Extensions.AI;
using RagGate.Cli.Hosting;
using RagGate.Engine.Ingestion;
using RagGate.Engine.Pipeline;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Cost;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Reporting;
using RagGate.Evaluation.Running;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Targets;

namespace RagGate.Cli.Evaluating;

/// <summary>One <c>raggate eval</c>: load, run (or read a run), score, gate, report.</summary>
internal sealed class EvalSession(string configPath, string? baselinePath, string outDir, string? runPath, bool json, string? concurrency = null, bool dryRun = false)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var config = WithOverrides(RagGateConfigLoader.Load(configPath));
        var golden = config.Eval.Split is { } split ? GoldenSetLoader.Load(config.Eval.Golden, split) : GoldenSetLoader.Load(config.Eval.Golden);
        if (dryRun)
        {
            Console.WriteLine(DryRun.Describe(config, golden, DryRun.Estimate(config, golden)));
            return ExitCodes.Success;
        }

        ReportFolder.Check(outDir);
        GoldenSetIds.Require(golden);
        var baseline = baselinePath is null ? null : await RunFile.ReadAsync(baselinePath, cancellationToken);
        if (baseline is not null) RunCoverage.Require(baseline, baselinePath!, golden);
        var imported = runPath is null ? null : await ReadRunAsync(runPath, golden, cancellationToken);
        if (imported is not null) CutoffCheck.Validate(config, Depth(imported), $"the depth of {runPath}");

        var embedded = runPath is null && config.Target.Kind == TargetSettings.Embedded;

        // Judgments and ids are checked against the corpus before anything is embedded, so a typo fails in a second, not after indexing.
        var corpus = embedded && config.Corpus is not null ? await CorpusReader.ReadAsync(config.Corpus, cancellationToken) : null;
        if (corpus is not null)
        {
            foreach (var document in corpus.Documents)
                TrecIds.Require(document.Id, config.Corpus!, "document id");
            GoldenSetLoader.ValidateDocumentIds(golden, corpus.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal));
        }

        using var engine = embedded
            ? await ProgressBar.RunAsync("Indexing", "docs", p => RagEngine.OpenAsync(config, corpus, p, cancellationToken))
            : null;
        if (engine is not null && corpus is null)
        {
            GoldenSetLoader.ValidateDocumentIds(golden, engine.Index.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal));
        }

        Run run;
        if (imported is not null)
        {
            run = imported;
        }
        else
        {
            using var http = engine is null ? HttpTargetFor(config) : null;
            run = await ExecuteAsync(config, golden, engine?.Target ?? http!, cancellationToken);
        }

        // Recorded so that `raggate compare` applies the rules this run was gated with, not a guess.
        run.Gates = [.. config.Gates];
        run.Regressions = [.. config.Regressions];

        using var ownEmbedder = engine is null ? RagEngine.CreateEmbedder(config.Embedding) : null;
        IEmbeddingGenerator<string, Embedding<float>> embedder = engine?.Embedder ?? ownEmbedder!;
        var scoring = ScoringSetup.Create(config, embedder);
        var report = await EvaluationReportBuilder.BuildAsync(run, golden, config, scoring, baseline, TimeProvider.System, cancellationToken);

        await ReportOutput.WriteAsync(report, run, outDir, json, cancellationToken);
        if (run.Stopped is { } stopped) await Console.Error.WriteLineAsync($"raggate: {stopped}");
        return report.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
    }

    private RagGateConfig WithOverrides(RagGateConfig config)
    {
        if (concurrency is not null) config = config with { Eval = config.Eval with { Concurrency = ConcurrencyOption.Parse(concurrency) } };
        if (config.Target.Kind == TargetSettings.Embedded && runPath is null && !dryRun && config.Eval.Concurrency.Any(c => c > 1))
        {
            throw new InputException($"{config.Path}: eval.concurrency: more than one client needs an http target; the embedded engine runs in this process, one query at a time");
        }

        return config;
    }

    // A TREC run records no depth: the longest ranked list is as deep as it goes.
    private static int Depth(Run run) => run.TopK > 0 ? run.TopK : run.Queries.Select(q => q.Retrieved.Count).DefaultIfEmpty(0).Max();

    private static async Task<Run> ExecuteAsync(RagGateConfig config, GoldenSet golden, IRagTarget target, CancellationToken cancellationToken)
    {
        var runner = new EvalRunner(target, TimeProvider.System);
        var prices = PriceTable.Load(config.Eval.Prices);
        var price = prices.Get(config.Answer.GenerationModel);
        var options = new RunOptions
        {
            K = config.Eval.K,
            Warmup = config.Eval.Warmup,
            Repetitions = config.Eval.Repetitions,
            Answer = config.Eval.Answer,
            Concurrency = config.Eval.Concurrency,
            Seed = config.Eval.Seed,
            CostOf = usage => (double)CostCalculator.Cost(usage, price),
            MaxCost = config.Eval.MaxCost,
            Currency = prices.Currency,
            ToolVersion = ToolInfo.Version,
            GitSha = ToolInfo.GitSha(Path.GetDirectoryName(config.Path)!),
        };
        return await ProgressBar.RunAsync("Evaluating", "queries", p =>
            runner.RunAsync(golden, options, new Progress<RunProgress>(r => p.Report((r.Done, r.Total))), cancellationToken));
    }

    private static async Task<Run> ReadRunAsync(string path, GoldenSet golden, CancellationToken cancellationToken)
    {
        var run = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? await RunFile.ReadAsync(path, cancellationToken)
            : TrecRunFile.Read(path);
        TrecIds.Require(run, path);
        RunCoverage.Require(run, path, golden);
        return run;
    }

    private static HttpRagTarget HttpTargetFor(RagGateConfig config) =>
        new(new Uri(config.Target.Url!), TimeSpan.FromSeconds(config.Target.TimeoutSeconds), config.Name, config.Answer.GenerationModel,
            usageRequired: config.Target.Usage == TargetSettings.UsageRequired);
}
