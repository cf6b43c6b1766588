using RagGate.Evaluation.Config;
using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Scoring;

/// <summary>Means of per-query values with 95% intervals: Wilson for pass rates, seeded bootstrap otherwise.</summary>
internal static class MetricAggregator
{
    public const double Confidence = 0.95;

    public static IEnumerable<MetricSummary> Summaries(IReadOnlyList<QueryScore> queries, IReadOnlyList<string> order, EvalSettings eval)
    {
        foreach (var name in order)
        {
            var values = queries.Where(q => q.Values.ContainsKey(name)).Select(q => q.Values[name]).ToList();
            if (values.Count == 0) continue;
            var info = MetricCatalog.Get(name);
            var summary = new MetricSummary
            {
                Name = info.Name,
                Value = values.Average(),
                N = values.Count,
                HigherIsBetter = info.HigherIsBetter,
                Unit = info.Unit,
            };
            // Averaged over repetitions, a pass/fail value is a per-query rate: no longer a Wilson count.
            if (info.IsBinary && values.TrueForAll(v => v is 0 or 1))
            {
                var interval = Wilson.Interval((int)values.Sum(), values.Count, Confidence);
                (summary.Lower, summary.Upper) = (interval.Lower, interval.Upper);
                summary.Interval = IntervalMethod.Wilson;
            }
            else if (values.Count > 1)
            {
                var interval = Bootstrap.MeanInterval(values, eval.BootstrapResamples, Confidence, eval.Seed);
                (summary.Lower, summary.Upper) = (interval.Lower, interval.Upper);
                summary.Interval = IntervalMethod.Bootstrap;
            }

            yield return summary;
        }
    }

    public static IEnumerable<CategoryMetric> ByCategory(IReadOnlyList<QueryScore> queries, IReadOnlyList<string> order) =>
        from g in queries.Where(q => q.Category is not null).GroupBy(q => q.Category!).OrderBy(g => g.Key, StringComparer.Ordinal)
        from name in order
        let values = g.Where(q => q.Values.ContainsKey(name)).Select(q => q.Values[name]).ToList()
        where values.Count > 0
        select new CategoryMetric(g.Key, name, values.Average(), values.Count);
}
