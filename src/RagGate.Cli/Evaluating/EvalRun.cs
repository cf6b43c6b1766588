using RagGate.Cli.Hosting;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Cost;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Running;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Targets;

namespace RagGate.Cli.Evaluating;

/// <summary>The run <c>raggate eval</c> scores: the golden set run against a target, or a run read from a file.</summary>
internal static class EvalRun
{
    /// <summary>Runs the golden set against <paramref name="target"/> with the config's eval settings and prices, showing progress.</summary>
    public static async Task<Run> ExecuteAsync(EvaluationConfig config, GoldenSet golden, IRagTarget target, CancellationToken cancellationToken)
    {
        var runner = new EvalRunner(target, TimeProvider.System);
        var eval = config.Eval;
        var prices = PriceTable.Load(eval.Prices);
        var price = prices.Get(config.GenerationModel);
        var options = new RunOptions
        {
            K = eval.K,
            Warmup = eval.Warmup,
            Repetitions = eval.Repetitions,
            Answer = eval.Answer,
            Concurrency = eval.Concurrency,
            Seed = eval.Seed,
            CostOf = usage => (double)CostCalculator.Cost(usage, price),
            MaxCost = eval.MaxCost,
            Currency = prices.Currency,
            ToolVersion = ToolInfo.Version,
            GitSha = ToolInfo.GitSha(Path.GetDirectoryName(config.Path)!),
        };
        // The runner says what it counts (warm-up queries, then queries), and so does each progress line.
        return await ProgressBar.RunPhasesAsync("Evaluating", "queries", p =>
            runner.RunAsync(golden, options, new SynchronousProgress<RunProgress>(r => p.Report((r.Done, r.Total, r.Phase))), cancellationToken));
    }

    /// <summary>Reads a run.json or a TREC run file and checks its ids against the golden set.</summary>
    public static async Task<Run> ReadAsync(string path, GoldenSet golden, CancellationToken cancellationToken)
    {
        var run = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? await RunFile.ReadAsync(path, cancellationToken)
            : TrecRunFile.Read(path);
        TrecIds.Require(run, path);
        RunCoverage.Require(run, path, golden);
        return run;
    }

    /// <summary>How deep the run retrieved; a TREC run records no depth, so its longest ranked list is as deep as it goes.</summary>
    public static int Depth(Run run) => run.TopK > 0 ? run.TopK : run.Queries.Select(q => q.Retrieved.Count).DefaultIfEmpty(0).Max();

    /// <summary>The HTTP target the config names.</summary>
    public static HttpRagTarget HttpTargetFor(EvaluationConfig config) =>
        new(new Uri(config.Target.Url!), TimeSpan.FromSeconds(config.Target.TimeoutSeconds), config.Name, config.GenerationModel,
            usageRequired: config.Target.Usage == TargetSettings.UsageRequired);
}
