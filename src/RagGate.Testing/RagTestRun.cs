using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Running;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Targets;

namespace RagGate.Testing;

/// <summary>
/// A golden set run against a system and scored by RagGate's own runner and scorer, once, for many assertions:
/// the same numbers <c>raggate eval</c> reports.
/// </summary>
public sealed class RagTestRun
{
    private RagTestRun(Run run, GoldenSet golden, Scorecard scorecard)
    {
        Run = run;
        Golden = golden;
        Scorecard = scorecard;
    }

    /// <summary>Everything measured per query.</summary>
    public Run Run { get; }

    /// <summary>The golden set the run answered.</summary>
    public GoldenSet Golden { get; }

    /// <summary>The metrics, per query and aggregated.</summary>
    public Scorecard Scorecard { get; }

    /// <summary>Runs <paramref name="golden"/> against <paramref name="target"/> and scores it.</summary>
    public static async Task<RagTestRun> RunAsync(IRagTarget target, GoldenSet golden, RagTestOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RagTestOptions();
        var runner = new EvalRunner(target, options.Time ?? TimeProvider.System);
        var run = await runner.RunAsync(golden, new RunOptions
        {
            K = options.K,
            Warmup = options.Warmup,
            Repetitions = options.Repetitions,
            Answer = options.Answer,
            Seed = options.Eval.Seed,
            CostOf = options.CostOf,
        }, progress: null, cancellationToken);
        return await ScoreAsync(run, golden, options, cancellationToken);
    }

    /// <summary>Scores a run made earlier (a run.json read with <see cref="RunFile"/>).</summary>
    public static async Task<RagTestRun> ScoreAsync(Run run, GoldenSet golden, RagTestOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RagTestOptions();
        var scoring = new ScoringOptions
        {
            Eval = options.Eval,
            Embedder = options.Embedder,
            CostOf = options.CostOf,
            GenerationModel = run.System.GenerationModel,
        };
        var scorecard = await ScorecardBuilder.BuildAsync(run, golden, scoring, options.Metrics, cancellationToken);
        return new RagTestRun(run, golden, scorecard);
    }
}
