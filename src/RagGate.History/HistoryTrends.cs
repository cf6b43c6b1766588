using RagGate.Evaluation.Reporting;
using RagGate.History.Storage;

namespace RagGate.History;

/// <summary>Reads each gated metric's values over a branch's last runs, for the reports' trend section.</summary>
public static class HistoryTrends
{
    /// <summary>The default number of runs a trend shows.</summary>
    public const int DefaultRuns = 20;

    /// <summary>
    /// The trend of each metric in <paramref name="metrics"/> over the newest <paramref name="runs"/> runs of
    /// <paramref name="branch"/> (all branches when null), oldest first; metrics no run measured are left out.
    /// </summary>
    public static async Task<List<MetricTrend>> ReadAsync(IRunStore store, string? branch, IEnumerable<string> metrics, int runs, CancellationToken cancellationToken)
    {
        var recent = (await store.ListAsync(branch, runs, cancellationToken)).Reverse().ToList();
        return
        [
            .. metrics.Distinct(StringComparer.Ordinal).Select(metric => new MetricTrend
            {
                Metric = metric,
                Points = [.. recent.Where(r => r.Metrics.ContainsKey(metric)).Select(r => new TrendPoint(r.Id, r.Metrics[metric], r.Passed, r.GitSha))],
            }).Where(t => t.Points.Count > 0),
        ];
    }
}
