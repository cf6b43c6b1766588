using RagGate.Evaluation.Metrics;

namespace RagGate.Evaluation.Config;

/// <summary>
/// Rejects a gate or regression rule whose rank cutoff is deeper than the run retrieves: with 10
/// documents per query, <c>recall@50</c> would silently be recall@10.
/// </summary>
public static class CutoffCheck
{
    /// <summary>Throws an <see cref="InputException"/> naming the first gate or rule that cuts deeper than <paramref name="depth"/>.</summary>
    /// <param name="config">The gates and rules.</param>
    /// <param name="depth">Documents retrieved per query.</param>
    /// <param name="depthName">What set the depth, for the message (for example <c>eval.k</c>).</param>
    public static void Validate(EvaluationConfig config, int depth, string depthName)
    {
        var rules = config.Gates.Select((g, i) => (Field: $"gates[{i}]", g.Metric, g.Source))
            .Concat(config.Regressions.Select((r, i) => (Field: $"regression[{i}]", r.Metric, r.Source)));
        foreach (var (field, metric, source) in rules)
        {
            if (MetricCatalog.TryGet(metric, out var info) && info.Cutoff is { } cutoff && cutoff > depth)
            {
                throw new InputException(
                    $"{source}: {field}: {info.Name} needs the top {cutoff} documents, deeper than {depthName} ({depth}); raise {depthName} to at least {cutoff} or use a cutoff of at most {depth}");
            }
        }
    }
}
