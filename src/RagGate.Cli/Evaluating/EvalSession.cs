using Microsoft.Extensions.AI;
using RagGate.Cli.Hosting;
using RagGate.Engine.Ingestion;
using RagGate.Engine.Pipeline;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Running;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Targets;

namespace RagGate.Cli.Evaluating;

/// <summary>One <c>raggate eval</c>: load, run (or read a run), score, gate, report.</summary>
internal sealed class EvalSession(string configPath, string? baselinePath, string outDir, string? runPath, bool json)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        ReportFolder.Check(outDir);
        var config = RagGateConfigLoader.Load(configPath);
        var golden = config.Eval.Split is { } split ? GoldenSetLoader.Load(config.Eval.Golden, split) : GoldenSetLoader.Load(config.Eval.Golden);
        TrecIds.Require(golden);
        var baseline = baselinePath is null ? null : await RunFile.ReadAsync(baselinePath, cancellationToken);
        if (baseline is not null) RunCoverage.Require(baseline, baselinePath!, golden);
        var imported = runPath is null ? null : await ReadRunAsync(runPath, golden, cancellationToken);

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

        var run = imported ?? await ExecuteAsync(config, golden, engine?.Target ?? HttpTargetFor(config), cancellationToken);

        using var ownEmbedder = engine is null ? RagEngine.CreateEmbedder(config.Embedding) : null;
        IEmbeddingGenerator<string, Embedding<float>> embedder = engine?.Embedder ?? ownEmbedder!;
        var scoring = ScoringSetup.Create(config, embedder);
        var report = await EvaluationReportBuilder.BuildAsync(run, golden, config, scoring, baseline, TimeProvider.System, cancellationToken);

        await ReportOutput.WriteAsync(report, run, outDir, json, cancellationToken);
        return report.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
    }

    private static async Task<Run> ExecuteAsync(RagGateConfig config, GoldenSet golden, IRagTarget target, CancellationToken cancellationToken)
    {
        var runner = new EvalRunner(target, TimeProvider.System);
        var options = new RunOptions
        {
            K = config.Eval.K,
            Warmup = config.Eval.Warmup,
            Repetitions = config.Eval.Repetitions,
            Answer = config.Eval.Answer,
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
        new(new Uri(config.Target.Url!), TimeSpan.FromSeconds(config.Target.TimeoutSeconds), config.Name, config.Answer.GenerationModel);
}
