namespace RagGate.Evaluation.Runs;

/// <summary>A TREC run as read from a file: per query id its scored documents in file order, and the run tag.</summary>
public sealed class TrecRun
{
    /// <summary>Creates a run from its queries and tag.</summary>
    public TrecRun(Dictionary<string, List<ScoredDocument>> queries, string tag, IReadOnlyList<string> queryIds)
    {
        Queries = queries;
        Tag = tag;
        QueryIds = queryIds;
    }

    /// <summary>The file the run was read from, when it was read from one (for error messages).</summary>
    public string? Path { get; init; }

    /// <summary>The query ids in the order they first appear in the file.</summary>
    public IReadOnlyList<string> QueryIds { get; }

    /// <summary>Scored documents per query id, in the order the file listed them (not ranked).</summary>
    public Dictionary<string, List<ScoredDocument>> Queries { get; }

    /// <summary>The run tag of the last line, as trec_eval keeps it.</summary>
    public string Tag { get; }

    /// <summary>Total number of scored documents over all queries.</summary>
    public long DocumentCount
    {
        get
        {
            long count = 0;
            foreach (var list in Queries.Values)
                count += list.Count;
            return count;
        }
    }

    /// <summary>The one rule for a document listed twice under one query, shared by trec-eval and eval --run.</summary>
    public static InputException DuplicateDocument(string file, string queryId, string documentId) =>
        new($"{file}: document '{documentId}' is retrieved twice for query '{queryId}'; expected each document once per query");
}
