using RagGate.Evaluation.Comparing;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Targets;
using static RagGate.Evaluation.Tests.Reporting.SampleStatistics;

namespace RagGate.Evaluation.Tests.Reporting;

/// <summary>The sample candidate against its baseline, computed from both runs' retrieved lists.</summary>
internal static class SampleComparisons
{
    private static readonly string[] Compared = ["recall@10", "ndcg@10", "mrr"];

    // The sample's one regression rule: the Holm family has one member.
    private const string Gated = "recall@10";

    public static Comparison Create(List<QueryScore> candidate)
    {
        var answerable = SampleReports.Samples.Where(s => !s.Unanswerable).ToList();
        var comparison = new Comparison
        {
            Baseline = new SystemIdentity("embedded", "Snowflake/snowflake-arctic-embed-xs", "gpt-4o-mini", "hybrid", "a0b1c2d3e4f5a6b7c8d9", "77aa01bc"),
            PairedQueries = SampleReports.Samples.Count,
        };
        var p = new List<double>();
        var seed = 31;
        foreach (var name in Compared)
        {
            var baseline = answerable.Select(s => BaselineValue(s, name)).ToList();
            var current = answerable.Select(s => candidate.Single(q => q.Id == s.Id).Values[name]).ToList();
            var differences = current.Zip(baseline, (c, b) => c - b).ToList();
            var (lower, upper) = Bootstrap(differences, seed++, tail: 0.05);
            p.Add(SignFlipWorseP(differences));
            comparison.Metrics.Add(new MetricComparison
            {
                Name = name,
                Baseline = baseline.Average(),
                Candidate = current.Average(),
                DeltaLower = lower,
                DeltaUpper = upper,
                IntervalConfidence = 0.9,
                PValue = p[^1],
                AdjustedPValue = p[^1],
                Gated = name == Gated,
                Wins = differences.Count(d => d > 0),
                Ties = differences.Count(d => d == 0),
                Losses = differences.Count(d => d < 0),
                MinimumDetectableDrop = OneSidedDetectableDrop(current),
            });
        }

        var gated = comparison.Metrics.Where(m => m.Gated).ToList();
        var adjusted = Holm([.. gated.Select(m => m.PValue)]);
        for (var i = 0; i < adjusted.Length; i++)
            gated[i].AdjustedPValue = adjusted[i];
        foreach (var m in comparison.Metrics.Where(m => m.DeltaUpper < 0 && m.AdjustedPValue >= 0.05))
            m.Note = "the bootstrap interval and the randomization test disagree at the boundary; the test decides";
        comparison.Regressions = [.. answerable.Select(s => Regression(s, candidate.Single(q => q.Id == s.Id)))
            .OfType<QueryRegression>().OrderByDescending(r => r.Baseline - r.Candidate).ThenBy(r => r.Id, StringComparer.Ordinal)];
        return comparison;
    }

    private static double BaselineValue(SampleReports.Sample s, string name) => name switch
    {
        "recall@10" => Recall(s.BaselineRetrieved, s.Expected, 10),
        "ndcg@10" => Ndcg(s.BaselineRetrieved, s.Expected, 10),
        _ => FirstRelevantRank(s.BaselineRetrieved, s.Expected) is { } rank ? 1.0 / rank : 0,
    };

    private static QueryRegression? Regression(SampleReports.Sample s, QueryScore candidate)
    {
        var metric = Compared.Take(2).FirstOrDefault(m => candidate.Values[m] < BaselineValue(s, m));
        if (metric is null)
            return null;
        var lost = s.Expected
            .Select(d => new LostDocument(d, Rank(s.BaselineRetrieved, d), Rank(s.Retrieved, d)))
            .Where(l => l.CandidateRank is null || l.CandidateRank > l.BaselineRank)
            .ToList();
        return new QueryRegression
        {
            Id = s.Id,
            Query = s.Query,
            Metric = metric,
            Baseline = BaselineValue(s, metric),
            Candidate = candidate.Values[metric],
            Lost = lost,
            CandidateTop = [.. s.Retrieved.Where(d => !s.Expected.Contains(d)).Take(3)],
        };
    }

    private static int? Rank(string[] retrieved, string doc) => Array.IndexOf(retrieved, doc) is var i and >= 0 ? i + 1 : null;
}
