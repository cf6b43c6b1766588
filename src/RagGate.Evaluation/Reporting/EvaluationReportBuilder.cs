using RagGate.Evaluation.Comparing;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.Gates;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;

namespace RagGate.Evaluation.Reporting;

/// <summary>Builds the whole report from runs alone: scorecard, comparison with a baseline, gates and notes.</summary>
public static class EvaluationReportBuilder
{
    /// <summary>Scores <paramref name="run"/>, compares it with <paramref name="baseline"/> when given, and applies the config's gates.</summary>
    public static async Task<EvaluationReport> BuildAsync(
        Run run,
        GoldenSet golden,
        EvaluationConfig config,
        ScoringOptions scoring,
        Run? baseline,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        var gateMetrics = config.Gates.Select(g => g.Metric).Concat(config.Regressions.Select(r => r.Metric)).ToList();
        var scorecard = await ScorecardBuilder.BuildAsync(run, golden, scoring, gateMetrics, cancellationToken);
        scorecard.DetectableDrops.AddRange(DetectableDropCalculator.Calculate(scorecard, config.Gates, config.Regressions));
        Comparison? comparison = null;
        if (baseline is not null)
        {
            // The baseline's ranked lists are scored with the current golden set's judgments, like the candidate's.
            var pairing = QueryPairing.Create(golden, baseline, run);
            var baseScorecard = await ScorecardBuilder.BuildAsync(pairing.Baseline, golden, scoring, gateMetrics.Concat(scorecard.Metrics.Select(m => m.Name)), cancellationToken);
            var options = new ComparisonOptions
            {
                Resamples = config.Eval.BootstrapResamples,
                Seed = config.Eval.Seed,
                KeywordContextDocuments = config.Eval.KeywordContextDocuments,
                Rules = config.Regressions,
                RegressionMetrics = config.Regressions.Select(r => r.Metric).Concat(new ComparisonOptions().RegressionMetrics).Distinct().ToList(),
            };
            comparison = ComparisonBuilder.Build(pairing, baseScorecard, scorecard, run, golden, options);
        }

        var report = new EvaluationReport
        {
            ToolVersion = run.ToolVersion,
            CreatedAt = time.GetUtcNow(),
            System = run.System,
            GoldenSet = run.GoldenSet,
            GitSha = run.GitSha,
            Scorecard = scorecard,
            Comparison = comparison,
            Gates = GateEvaluator.Evaluate(scorecard, config.Gates, config.Regressions, comparison, config.Eval),
        };
        if (run.Stopped is { } stopped)
        {
            report.Gates.Add(new GateResult
            {
                Name = "eval.max_cost",
                Metric = "run_cost",
                Operator = GateOperator.AtMost,
                Threshold = config.Eval.MaxCost ?? 0,
                Actual = run.Spent ?? 0,
                Compared = run.Spent ?? 0,
                Passed = false,
                Reason = stopped,
            });
        }

        report.Notes.AddRange(Notes(report));
        return report;
    }

    private static IEnumerable<string> Notes(EvaluationReport report)
    {
        var samples = report.Scorecard.Latency.EndToEnd.Samples > 0 ? report.Scorecard.Latency.EndToEnd.Samples : report.Scorecard.Latency.Retrieval.Samples;
        if (samples is > 0 and < 20)
        {
            yield return $"Only {samples} latency samples: with fewer than 20, the nearest-rank p95 is the maximum. Raise eval.repetitions for a real p95.";
        }

        if (report.Scorecard.Queries.Count(q => !q.Unanswerable) is > 0 and < 30 and var n)
        {
            yield return $"{n} answerable queries: differences smaller than the 'min detectable drop' column cannot be told from noise.";
        }

        foreach (var row in report.Scorecard.DetectableDrops.Where(d => d.TooSmallForRule))
        {
            yield return DetectableDropCalculator.TooSmallNote(row);
        }

        if (report.Comparison is { Unpaired.Count: > 0 } comparison)
        {
            yield return $"{comparison.Unpaired.Count} queries could not be paired with the baseline (added, removed or changed) and are left out of the comparison.";
        }
    }
}
