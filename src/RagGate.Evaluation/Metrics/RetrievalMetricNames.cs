using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RagGate.Evaluation.Metrics;

/// <summary>
/// The one table of retrieval metric names: canonical names, aliases and which need a cutoff, so that
/// gates, reports and config validation agree. Names are case-insensitive; <c>p@5</c> and
/// <c>hit_rate@10</c> are aliases of <c>precision@5</c> and <c>success@10</c>, and trec_eval's
/// <c>ndcg_cut</c> and <c>recip_rank</c> name <c>ndcg</c> and <c>mrr</c>.
/// </summary>
internal static class RetrievalMetricNames
{
    /// <summary>Recall at k.</summary>
    public const string Recall = "recall";

    /// <summary>Precision at k.</summary>
    public const string Precision = "precision";

    /// <summary>nDCG at k.</summary>
    public const string Ndcg = "ndcg";

    /// <summary>Mean reciprocal rank, uncut or at k.</summary>
    public const string Mrr = "mrr";

    /// <summary>Mean average precision, uncut or at k.</summary>
    public const string Map = "map";

    /// <summary>Success (hit rate) at k.</summary>
    public const string Success = "success";

    // name -> (family, canonical name, cutoff: required / optional)
    private static readonly Dictionary<string, (RetrievalMetricKind Kind, string Canonical, bool CutoffRequired)> Table =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [Recall] = (RetrievalMetricKind.Recall, Recall, true),
            [Precision] = (RetrievalMetricKind.Precision, Precision, true),
            ["p"] = (RetrievalMetricKind.Precision, Precision, true),
            [Ndcg] = (RetrievalMetricKind.Ndcg, Ndcg, true),
            ["ndcg_cut"] = (RetrievalMetricKind.Ndcg, Ndcg, true),
            [Mrr] = (RetrievalMetricKind.ReciprocalRank, Mrr, false),
            ["recip_rank"] = (RetrievalMetricKind.ReciprocalRank, Mrr, false),
            [Map] = (RetrievalMetricKind.AveragePrecision, Map, false),
            [Success] = (RetrievalMetricKind.Success, Success, true),
            ["hit_rate"] = (RetrievalMetricKind.Success, Success, true),
        };

    /// <summary>The forms a metric name may take, for help and error messages.</summary>
    public static IReadOnlyList<string> Forms { get; } =
        ["recall@k", "precision@k (p@k)", "ndcg@k", "mrr", "mrr@k", "map", "map@k", "success@k (hit_rate@k)"];

    /// <summary>True when <paramref name="name"/> is a retrieval metric (<c>recall@10</c>, <c>mrr</c>...).</summary>
    public static bool IsRetrievalMetric(string name) => TryParse(name, out _, out _);

    /// <summary>True when <paramref name="family"/> names a retrieval metric family (<c>recall</c>, <c>p</c>, <c>ndcg_cut</c>...).</summary>
    public static bool IsFamily(string family) => Table.ContainsKey(family);

    /// <summary>Parses a metric name; throws <see cref="FormatException"/> with what is expected.</summary>
    public static RetrievalMetric Parse(string name) =>
        TryParse(name, out var metric, out var error) ? metric : throw new FormatException(error);

    /// <summary>Parses a metric name, or explains in <paramref name="error"/> what is expected.</summary>
    public static bool TryParse(string name, [NotNullWhen(true)] out RetrievalMetric? metric, [NotNullWhen(false)] out string? error)
    {
        metric = null;
        var at = name.IndexOf('@', StringComparison.Ordinal);
        var family = (at < 0 ? name : name[..at]).Trim();
        if (!Table.TryGetValue(family, out var entry))
        {
            error = $"unknown retrieval metric '{name}'; expected one of {string.Join(", ", Forms)}";
            return false;
        }
        if (at < 0)
        {
            if (entry.CutoffRequired)
            {
                error = $"metric '{name}' needs a cutoff; expected {entry.Canonical}@k, for example {entry.Canonical}@10";
                return false;
            }
            metric = new RetrievalMetric(entry.Canonical, entry.Kind, null);
            error = null;
            return true;
        }
        var text = name[(at + 1)..].Trim();
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k <= 0)
        {
            var tooLarge = text.Length > 0 && text.All(char.IsAsciiDigit) && text.TrimStart('0').Length > 0;
            error = tooLarge
                ? $"metric '{name}' has cutoff {text}, which is out of range; expected a whole number from 1 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}, for example {entry.Canonical}@10"
                : $"metric '{name}' has cutoff '{text}'; expected a positive whole number, for example {entry.Canonical}@10";
            return false;
        }
        metric = new RetrievalMetric($"{entry.Canonical}@{k.ToString(CultureInfo.InvariantCulture)}", entry.Kind, k);
        error = null;
        return true;
    }
}
