using System.Text.Json;
using RagGate.Evaluation.GoldenSets;
using RagGate.Evaluation.Runs;

namespace RagGate.Evaluation.Comparing;

/// <summary>
/// Which golden queries a baseline and a candidate run both answered: paired by id, and only when both runs
/// asked the golden set's text. A baseline record whose id is unknown but whose text matches a golden query
/// (a run made before ids were derived from text) is paired under the golden id.
/// </summary>
internal sealed class QueryPairing
{
    private QueryPairing(Run baseline, IReadOnlySet<string> paired, IReadOnlyList<UnpairedQuery> unpaired)
    {
        Baseline = baseline;
        Paired = paired;
        Unpaired = unpaired;
    }

    /// <summary>The baseline's records under the golden set's ids, paired queries only; score it against the current golden set.</summary>
    public Run Baseline { get; }

    /// <summary>Ids of the paired queries.</summary>
    public IReadOnlySet<string> Paired { get; }

    /// <summary>Queries added, removed or changed, in golden-set order, then removed ones.</summary>
    public IReadOnlyList<UnpairedQuery> Unpaired { get; }

    /// <summary>Pairs the two runs through the golden set.</summary>
    public static QueryPairing Create(GoldenSet golden, Run baseline, Run candidate)
    {
        var baseById = baseline.Queries.GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var candById = candidate.Queries.GroupBy(q => q.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var goldenIds = golden.Queries.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var baseByText = baseline.Queries.Where(q => !goldenIds.Contains(q.Id) && !string.IsNullOrWhiteSpace(q.Query))
            .GroupBy(q => QueryIdentity.Normalize(q.Query), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var used = new HashSet<QueryRecord>(ReferenceEqualityComparer.Instance);
        var records = new List<QueryRecord>();
        var paired = new HashSet<string>(StringComparer.Ordinal);
        var unpaired = new List<UnpairedQuery>();
        foreach (var query in golden.Queries)
        {
            var source = baseById.GetValueOrDefault(query.Id);
            var before = source;
            if (source is null && baseByText.TryGetValue(QueryIdentity.Normalize(query.Query), out source))
                before = WithId(source, query.Id);
            if (source is not null)
                used.Add(source);
            var after = candById.GetValueOrDefault(query.Id);
            var reason = Reason(query, before, after);
            if (reason is null)
            {
                paired.Add(query.Id);
                records.Add(before!);
            }
            else
            {
                unpaired.Add(new UnpairedQuery(query.Id, query.Query, reason));
            }
        }

        foreach (var removed in baseline.Queries.Where(q => !used.Contains(q) && !goldenIds.Contains(q.Id)))
            unpaired.Add(new UnpairedQuery(removed.Id, removed.Query, "in the baseline run only: no longer in the golden set"));

        var aligned = new Run
        {
            ToolVersion = baseline.ToolVersion,
            System = baseline.System,
            GoldenSet = baseline.GoldenSet,
            GoldenSetHash = baseline.GoldenSetHash,
            TopK = baseline.TopK,
            Repetitions = baseline.Repetitions,
            Queries = records,
        };
        return new QueryPairing(aligned, paired, unpaired);
    }

    private static string? Reason(GoldenQuery query, QueryRecord? before, QueryRecord? after)
    {
        if (before is null)
            return after is null ? "in neither run" : "new: not in the baseline run";
        if (!QueryIdentity.SameText(before.Query, query.Query))
            return $"text changed: the baseline asked '{before.Query}'";
        if (after is null)
            return "not in the candidate run";
        return QueryIdentity.SameText(after.Query, query.Query) ? null : $"text changed: the candidate asked '{after.Query}'";
    }

    // A copy through run.json's own contract, so every recorded field travels with the new id.
    private static QueryRecord WithId(QueryRecord record, string id)
    {
        var copy = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(record, RunJsonContext.Default.QueryRecord), RunJsonContext.Default.QueryRecord)!;
        copy.Id = id;
        return copy;
    }
}
