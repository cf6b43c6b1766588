using System.Globalization;
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
        RagGateConfig config,
        ScoringOptions scoring,
        Run? baseline,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        var gateMetrics = config.Gates.Select(g => g.Metric).Concat(config.Regressions.Select(r => r.Metric)).ToList();
        var scorecard = await ScorecardBuilder.BuildAsync(run, golden, scoring, gateMetrics, cancellationToken);
        Comparison? comparison = null;
        if (baseline is not null)
        {
            var baseScorecard = await ScorecardBuilder.BuildAsync(baseline, golden, scoring, gateMetrics.Concat(scorecard.Metrics.Select(m => m.Name)), cancellationToken);
            var options = new ComparisonOptions
            {
                Resamples = config.Eval.BootstrapResamples,
                Seed = config.Eval.Seed,
                KeywordContextDocuments = config.Eval.KeywordContextDocuments,
                RegressionMetrics = config.Regressions.Select(r => r.Metric).Concat(new ComparisonOptions().RegressionMetrics).Distinct().ToList(),
            };
            comparison = ComparisonBuilder.Build(baseline, baseScorecard, scorecard, run, golden, options);
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

        foreach (var row in report.Comparison?.Metrics ?? [])
        {
            if (row.Name == "recall@10" && row.MinimumDetectableDrop > 0.05)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"This golden set detects recall@10 drops of {row.MinimumDetectableDrop:0.###} or more (80% power, alpha 0.05); add queries to see smaller ones.");
            }
        }
    }
}
