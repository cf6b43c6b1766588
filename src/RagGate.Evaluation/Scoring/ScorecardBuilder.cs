using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Runs;

namespace RagGate.Evaluation.Scoring;

/// <summary>Turns a run and its golden set into a scorecard: per-query scores, means with intervals, latency and cost.</summary>
public static class ScorecardBuilder
{
    /// <summary>Scores a run. Extra metric names (from gates) are computed too.</summary>
    public static async Task<Scorecard> BuildAsync(
        Run run,
        GoldenSet golden,
        ScoringOptions options,
        IEnumerable<string>? extraMetrics = null,
        CancellationToken cancellationToken = default)
    {
        var records = run.Queries.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var extra = extraMetrics?.ToList();
        var retrievalMetrics = options.RetrievalMetrics.Concat(extra ?? [])
            .Select(MetricCatalog.Get)
            .Where(m => m.Kind == MetricKind.Retrieval)
            .DistinctBy(m => m.Name)
            .Select(m => RetrievalMetricNames.Parse(m.Name))
            .ToList();
        var scorer = new QueryScorer(options, retrievalMetrics);

        var scorecard = new Scorecard();
        foreach (var query in golden.Queries)
        {
            // A golden query missing from the run scores zero (trec_eval's -c), as an empty record.
            var record = records.GetValueOrDefault(query.Id) ?? new QueryRecord { Id = query.Id, Query = query.Query, Error = "missing from the run" };
            var repetitions = new List<QueryScore>();
            foreach (var repetition in record.Repetitions())
            {
                repetitions.Add(await scorer.ScoreAsync(query, repetition, cancellationToken));
            }

            scorecard.Queries.Add(RepetitionMerge.Merge(repetitions));
        }

        // pass^k equals query_pass_rate with one repetition: shown when the run repeated or a gate asks for it.
        var passAllK = run.Repetitions > 1 || scorecard.Queries.Any(q => q.Repetitions > 1) || (extra?.Contains(MetricCatalog.PassAllK, StringComparer.OrdinalIgnoreCase) ?? false);
        var order = retrievalMetrics.Select(m => m.Name).Concat(AnswerAndCostOrder)
            .Concat(passAllK ? [MetricCatalog.PassAllK] : []).ToList();
        scorecard.Metrics.AddRange(MetricAggregator.Summaries(scorecard.Queries, order, options.Eval));
        scorecard.Categories.AddRange(MetricAggregator.ByCategory(scorecard.Queries, order));
        scorecard.Latency = LatencyAggregator.Summarize(run);
        scorecard.Cost = CostAggregator.Summarize(run, scorecard.Queries, options);
        scorecard.Metrics.AddRange(LatencyAggregator.Metrics(scorecard.Latency));
        scorecard.Metrics.AddRange(CostAggregator.Metrics(scorecard.Cost, scorecard.Queries.Count));
        return scorecard;
    }

    private static readonly string[] AnswerAndCostOrder =
    [
        MetricCatalog.KeywordCoverage, MetricCatalog.AnswerKeywordHit, MetricCatalog.AnswerRelevance,
        MetricCatalog.Groundedness, MetricCatalog.GroundednessLexical, MetricCatalog.AnswerRate,
        MetricCatalog.RefusalAccuracy, MetricCatalog.HallucinationFree, MetricCatalog.QueryPassRate,
        MetricCatalog.TokensPerQuery, MetricCatalog.ContextTokens, MetricCatalog.CostPerQuery,
    ];
}
