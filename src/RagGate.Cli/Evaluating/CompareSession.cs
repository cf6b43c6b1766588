using RagGate.Cli.Hosting;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Cost;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;

namespace RagGate.Cli.Evaluating;

/// <summary>One <c>raggate compare</c>: both runs scored on the same golden set, then paired.</summary>
internal static class CompareSession
{
    public static async Task<int> RunAsync(string baselinePath, string candidatePath, string? configPath, string? goldenPath, string? outDir, CancellationToken cancellationToken)
    {
        if (outDir is not null) ReportFolder.Check(outDir);
        var baseline = await RunFile.ReadAsync(baselinePath, cancellationToken);
        var candidate = await RunFile.ReadAsync(candidatePath, cancellationToken);
        var config = configPath is null ? null : RagGateConfigLoader.Load(configPath);
        var goldenFile = goldenPath ?? config?.Eval.Golden ?? candidate.GoldenSet
            ?? throw new InputException($"{candidatePath}: goldenSet: missing; pass --golden <file>");
        var golden = GoldenSetLoader.Load(goldenFile);
        RunCoverage.Require(baseline, baselinePath, golden);
        RunCoverage.Require(candidate, candidatePath, golden);
        if (config is null && candidate.Queries.Any(q => q.Answer is not null) && !PriceTable.Default.Contains(candidate.System.GenerationModel))
        {
            throw InputException.At(candidatePath, "system.generationModel",
                $"no price for '{candidate.System.GenerationModel}' in {PriceTable.BuiltInSource}; expected a priced model, or pass --config with eval.prices");
        }

        config ??= new RagGateConfig
        {
            Path = Path.GetFullPath("raggate.yaml"),
            Eval = new EvalSettings { Golden = goldenFile },
            Answer = new AnswerSettings { GenerationModel = candidate.System.GenerationModel },
            Regressions = DefaultRegressions,
        };

        // Answer relevance and groundedness need the embedder; compare scores what the runs hold without it.
        var scoring = ScoringSetup.Create(config, embedder: null);
        var report = await EvaluationReportBuilder.BuildAsync(candidate, golden, config, scoring, baseline, TimeProvider.System, cancellationToken);
        var target = outDir ?? Path.Combine(Path.GetTempPath(), $"raggate-compare-{Guid.NewGuid():N}");
        await ReportOutput.WriteAsync(report, run: null, target, json: false, cancellationToken);
        if (outDir is null) Directory.Delete(target, recursive: true);
        return report.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
    }

    private static readonly RegressionRule[] DefaultRegressions =
    [
        new("recall@10", 0.02, 0.05, "default"),
        new("ndcg@10", 0.02, 0.05, "default"),
    ];
}
