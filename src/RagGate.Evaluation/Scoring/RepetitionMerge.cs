using System.Globalization;
using RagGate.Evaluation.Metrics;

namespace RagGate.Evaluation.Scoring;

/// <summary>
/// One query's score from the scores of its repetitions: each metric is the mean over repetitions
/// (so repetitions reduce noise without adding queries to n), a check fails when it failed on any
/// repetition and says on how many, and <c>pass^k</c> is 1 only when every repetition passed.
/// </summary>
internal static class RepetitionMerge
{
    public static QueryScore Merge(IReadOnlyList<QueryScore> repetitions)
    {
        var merged = repetitions[0];
        var passed = repetitions.Count(r => r.Passed);
        var allPassed = passed == repetitions.Count;
        if (repetitions.Count == 1)
        {
            merged.Values[MetricCatalog.PassAllK] = allPassed ? 1 : 0;
            return merged;
        }

        var names = repetitions.SelectMany(r => r.Values.Keys).Distinct(StringComparer.Ordinal).ToList();
        merged.Values = names.ToDictionary(n => n, n => repetitions.Where(r => r.Values.ContainsKey(n)).Average(r => r.Values[n]), StringComparer.Ordinal);
        merged.Values[MetricCatalog.QueryPassRate] = (double)passed / repetitions.Count;
        merged.Values[MetricCatalog.PassAllK] = allPassed ? 1 : 0;
        merged.Checks = repetitions.SelectMany(r => r.Checks).Select(c => c.Name).Distinct(StringComparer.Ordinal)
            .Select(name => Check(name, repetitions)).ToList();
        merged.PassRate = (double)passed / repetitions.Count;
        merged.Repetitions = repetitions.Count;
        merged.TotalTokens = (int)Math.Round(repetitions.Average(r => r.TotalTokens));
        return merged;
    }

    private static QueryCheck Check(string name, IReadOnlyList<QueryScore> repetitions)
    {
        var failures = repetitions.Select(r => r.Checks.FirstOrDefault(c => c.Name == name && !c.Passed)).OfType<QueryCheck>().ToList();
        if (failures.Count == 0) return new QueryCheck(name, true, null);
        var reason = failures[0].Reason;
        return new QueryCheck(name, false, failures.Count == repetitions.Count
            ? reason
            : string.Create(CultureInfo.InvariantCulture, $"failed in {failures.Count} of {repetitions.Count} repetitions: {reason}"));
    }
}
