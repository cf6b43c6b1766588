namespace RagGate.Evaluation.Runs;

/// <summary>A run scored on a golden set must answer at least one of its queries; else the two files do not belong together.</summary>
public static class RunCoverage
{
    /// <summary>Throws an error naming both files when no query id of <paramref name="golden"/> is in <paramref name="run"/>.</summary>
    public static void Require(Run run, string runFile, GoldenSets.GoldenSet golden)
    {
        var ids = run.Queries.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        if (golden.Queries.Any(q => ids.Contains(q.Id)))
            return;
        var sample = string.Join(", ", run.Queries.Take(3).Select(q => $"'{q.Id}'"));
        throw new InputException(
            $"{runFile}: no query of the run is in the golden set {golden.Path} (run ids: {(sample.Length == 0 ? "none" : sample)}; golden ids: '{golden.Queries[0].Id}', ...); expected a run of that golden set (pass --golden or --config with the right one)");
    }
}
