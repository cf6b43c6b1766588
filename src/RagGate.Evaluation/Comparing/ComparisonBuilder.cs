using RagGate.Evaluation.AnswerQuality;
using RagGate.Evaluation.Config;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Runs;
using RagGate.Evaluation.Scoring;
using RagGate.Evaluation.Statistics;

namespace RagGate.Evaluation.Comparing;

/// <summary>
/// Pairs a candidate scorecard with a baseline query by query: deltas with bootstrap intervals,
/// randomization p-values with Holm correction, win/tie/loss counts, and the queries that got worse.
/// </summary>
internal static class ComparisonBuilder
{
    private const double Tie = 1e-9;

    /// <summary>
    /// Compares every per-query metric both scorecards have, over the paired queries only. The regression rules
    /// are the multiple-testing family: Holm's correction runs over their rows alone, and every row's test is
    /// one-sided ("did it get worse?").
    /// </summary>
    public static Comparison Build(QueryPairing pairing, Scorecard baseline, Scorecard candidate, Run candidateRun, GoldenSet golden, ComparisonOptions options)
    {
        var basePairs = baseline.Queries.Where(q => pairing.Paired.Contains(q.Id)).ToDictionary(q => q.Id, StringComparer.Ordinal);
        var paired = candidate.Queries.Where(q => basePairs.ContainsKey(q.Id)).ToList();
        var comparison = new Comparison { Baseline = pairing.Baseline.System, PairedQueries = paired.Count };
        comparison.Unpaired.AddRange(pairing.Unpaired);

        var family = options.Rules.Select(r => r.Metric).Distinct(StringComparer.Ordinal).Count();
        foreach (var metric in candidate.Metrics.Where(m => MetricCatalog.Get(m.Name).HasPerQueryValues && baseline.Find(m.Name) is not null))
        {
            var pairs = paired.Where(q => q.Values.ContainsKey(metric.Name) && basePairs[q.Id].Values.ContainsKey(metric.Name))
                .Select(q => (Base: basePairs[q.Id].Values[metric.Name], Candidate: q.Values[metric.Name])).ToList();
            if (pairs.Count == 0) continue;
            var rule = options.Rules.FirstOrDefault(r => r.Metric == metric.Name);
            comparison.Metrics.Add(Row(metric.Name, pairs, rule, rule is null ? 1 : family, options));
        }

        var gated = comparison.Metrics.Where(m => m.Gated).ToList();
        var adjusted = Holm.Adjust(gated.Select(m => m.PValue).ToList());
        for (var i = 0; i < adjusted.Count; i++) gated[i].AdjustedPValue = adjusted[i];
        foreach (var row in comparison.Metrics) row.Note = Agreement(row);

        comparison.Regressions.AddRange(Regressions(paired, basePairs, pairing.Baseline, candidateRun, golden, options));
        return comparison;
    }

    private static MetricComparison Row(string name, List<(double Base, double Candidate)> pairs, RegressionRule? rule, int family, ComparisonOptions options)
    {
        var alpha = rule?.Alpha ?? ComparisonOptions.UngatedAlpha;
        var a = pairs.Select(p => p.Base).ToList();
        var b = pairs.Select(p => p.Candidate).ToList();
        var (wins, ties, losses) = PairedTest.WinTieLoss(a, b, Tie);
        // Each tail at alpha/m: the worse-side end is the one-sided bound of the test at Holm's strictest level.
        var level = alpha / family;
        var confidence = 1 - 2 * level;
        var (lower, upper) = PairedTest.BootstrapDeltaInterval(a, b, options.Resamples, confidence, options.Seed);
        var info = MetricCatalog.Get(name);
        var p = PairedTest.OneSidedWorse(a, b, info.HigherIsBetter, options.Permutations, options.Seed);
        return new MetricComparison
        {
            Name = name,
            Baseline = a.Average(),
            Candidate = b.Average(),
            DeltaLower = lower,
            DeltaUpper = upper,
            IntervalConfidence = confidence,
            PValue = p,
            AdjustedPValue = p,
            Gated = rule is not null,
            Alpha = alpha,
            Wins = info.HigherIsBetter ? wins : losses,
            Ties = ties,
            Losses = info.HigherIsBetter ? losses : wins,
            MinimumDetectableDrop = MinimumDetectableEffect.ReportedDrop(b, info.IsRatio, level),
            HigherIsBetter = info.HigherIsBetter,
        };
    }

    // A row must never show an interval that excludes zero beside a p-value that says "no drop" without saying why.
    private static string? Agreement(MetricComparison row)
    {
        var worseBound = row.HigherIsBetter ? row.DeltaUpper < 0 : row.DeltaLower > 0;
        var betterBound = row.HigherIsBetter ? row.DeltaLower > 0 : row.DeltaUpper < 0;
        var significant = row.AdjustedPValue < row.Alpha;
        if (betterBound && !significant)
            return "improved: the test asks only whether it got worse";
        if (worseBound && !significant)
            return "the bootstrap interval and the randomization test disagree at the boundary; the test decides";
        return null;
    }

    private static IEnumerable<QueryRegression> Regressions(
        List<QueryScore> paired, Dictionary<string, QueryScore> basePairs, Run baselineRun, Run candidateRun, GoldenSet golden, ComparisonOptions options)
    {
        var baseRecords = baselineRun.Queries.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var candRecords = candidateRun.Queries.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var goldenQueries = golden.Queries.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var regressions = new List<QueryRegression>();
        foreach (var query in paired)
        {
            var before = basePairs[query.Id];
            var metric = options.RegressionMetrics.FirstOrDefault(m => before.Values.ContainsKey(m) && query.Values.ContainsKey(m)
                && query.Values[m] < before.Values[m] - Tie);
            if (metric is null) continue;

            var baseRanks = Ranks(baseRecords.GetValueOrDefault(query.Id));
            var candRanks = Ranks(candRecords.GetValueOrDefault(query.Id));
            var regression = new QueryRegression
            {
                Id = query.Id,
                Query = query.Query,
                Metric = metric,
                Baseline = before.Values[metric],
                Candidate = query.Values[metric],
                Lost = goldenQueries[query.Id].Judgments.Where(j => j.Value > 0)
                    .Select(j => new LostDocument(j.Key, baseRanks.GetValueOrDefault(j.Key), candRanks.GetValueOrDefault(j.Key)))
                    .Where(d => d.CandidateRank is null ? d.BaselineRank is not null : d.BaselineRank is null || d.CandidateRank > d.BaselineRank)
                    .OrderBy(d => d.BaselineRank ?? int.MaxValue).ToList(),
                CandidateTop = query.Retrieved.Take(3).ToList(),
            };
            regression.Reason = Reason(regression, goldenQueries[query.Id], baseRecords.GetValueOrDefault(query.Id), candRecords.GetValueOrDefault(query.Id), options)
                ?? ChecksReason(regression, before, query);
            regressions.Add(regression);
        }

        return regressions.OrderBy(r => r.Candidate - r.Baseline).ThenBy(r => r.Id, StringComparer.Ordinal);
    }

    private static string? Reason(QueryRegression regression, GoldenQuery golden, QueryRecord? before, QueryRecord? after, ComparisonOptions options)
    {
        if (regression.Lost.Count > 0)
        {
            return "lost " + string.Join(", ", regression.Lost.Select(d =>
                $"{d.DocId} ({(d.BaselineRank is { } b ? $"rank {b}" : "not retrieved")} -> {(d.CandidateRank is { } c ? $"rank {c}" : "not retrieved")})"));
        }

        var lostKeywords = golden.ExpectedKeywords
            .Where(k => ContextHas(before, k, options.KeywordContextDocuments) && !ContextHas(after, k, options.KeywordContextDocuments)).ToList();
        if (lostKeywords.Count > 0)
        {
            return $"keywords no longer in the top {options.KeywordContextDocuments} documents: {string.Join(", ", lostKeywords.Select(k => $"'{k}'"))}";
        }

        var answerKeywords = golden.ExpectedKeywords.Where(k => Has(before?.Answer, k) && !Has(after?.Answer, k)).ToList();
        return answerKeywords.Count > 0 ? $"the answer no longer mentions {string.Join(", ", answerKeywords.Select(k => $"'{k}'"))}" : null;
    }

    /// <summary>The answer checks that passed on the baseline and fail now (refusal, hallucination markers, ...), with their reasons.</summary>
    private static string ChecksReason(QueryRegression regression, QueryScore before, QueryScore after)
    {
        var passedBefore = before.Checks.Where(c => c.Passed).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var failing = after.Checks.Where(c => !c.Passed && passedBefore.Contains(c.Name)).ToList();
        return failing.Count > 0
            ? "now fails " + string.Join("; ", failing.Select(c => c.Reason is { Length: > 0 } reason ? $"{c.Name} ({reason})" : c.Name))
            : $"{regression.Metric} fell from {regression.Baseline:0.####} to {regression.Candidate:0.####}";
    }

    private static bool ContextHas(QueryRecord? record, string keyword, int depth) =>
        record is not null && RetrievalScorer.RankDocuments(record.Retrieved).Take(depth).Any(d => Has(d.Text, keyword));

    private static bool Has(string? text, string keyword) => text is not null && TextChecks.Contains(text, keyword);

    private static Dictionary<string, int?> Ranks(QueryRecord? record) => record is null
        ? []
        : TrecRanking.RankedIds(record.Retrieved).Select((id, i) => (id, i)).ToDictionary(x => x.id, x => (int?)(x.i + 1), StringComparer.Ordinal);
}
