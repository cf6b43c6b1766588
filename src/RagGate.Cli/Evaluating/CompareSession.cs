using System.Globalization;
using RagGate.Cli.Hosting;
using RagGate.Evaluation;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Cost;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Reporting;
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

        string rulesFrom;
        if (config is null)
        {
            if (baseline.Regressions is not { Count: > 0 } recorded)
                throw InputException.At(baselinePath, "regressions", "no regression rules recorded with this run; expected a run.json written by raggate eval with regression rules, or pass --config raggate.yaml");
            rulesFrom = $"recorded in the baseline run {baselinePath}";
            config = new RagGateConfig
            {
                Path = Path.GetFullPath("raggate.yaml"),
                Eval = new EvalSettings { Golden = goldenFile },
                Answer = new AnswerSettings { GenerationModel = candidate.System.GenerationModel },
                Gates = baseline.Gates ?? [],
                Regressions = recorded,
            };
        }
        else
        {
            rulesFrom = $"from {configPath}";
        }

        // Answer relevance and groundedness need the embedder; compare scores what the runs hold without it.
        var scoring = ScoringSetup.Create(config, embedder: null);
        var report = await EvaluationReportBuilder.BuildAsync(candidate, golden, config, scoring, baseline, TimeProvider.System, cancellationToken);
        report.Notes.Insert(0, RulesNote(config, rulesFrom));
        var target = outDir ?? Path.Combine(Path.GetTempPath(), $"raggate-compare-{Guid.NewGuid():N}");
        await ReportOutput.WriteAsync(report, run: null, target, json: false, cancellationToken);
        if (outDir is null) Directory.Delete(target, recursive: true);
        return report.Passed ? ExitCodes.Success : ExitCodes.GateFailed;
    }

    private static string RulesNote(RagGateConfig config, string from)
    {
        var rules = string.Join("; ", config.Regressions.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Metric} max_drop {r.MaxDrop} alpha {r.Alpha}")));
        return $"Rules applied ({from}): {(rules.Length == 0 ? "no regression rules" : rules)}; {config.Gates.Count} threshold gates.";
    }
}
