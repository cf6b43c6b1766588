using System.Globalization;
using RagGate.Evaluation.Runs;

namespace RagGate.Evaluation.GoldenSets;

/// <summary>
/// Relevance judgments as trec_eval reads them: TREC qrels (<c>qid 0 docid rel</c>) and BEIR tsv
/// (<c>query-id corpus-id score</c> with a header), as query id -> document id -> grade.
/// </summary>
public static class TrecQrels
{
    /// <summary>Reads TREC qrels, or BEIR tsv when the file has three columns.</summary>
    public static Dictionary<string, Dictionary<string, int>> Read(string path) =>
        IsBeirTsv(path) ? ReadBeirTsv(path) : ReadTrec(path);

    /// <summary>Reads a TREC qrels file; negative grades are kept (trec_eval reads -1 as judged-unjudged).</summary>
    public static Dictionary<string, Dictionary<string, int>> ReadTrec(string path)
    {
        using var reader = new TrecTextReader(path);
        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        while (reader.ReadLine())
        {
            if (reader.FieldCount != 4)
                throw reader.Error($"malformed line with {reader.FieldCount} fields; expected 'qid 0 docid relevance'");
            Add(reader, qrels, queryField: 0, documentField: 2, gradeField: 3, allowNegative: true);
        }
        return qrels;
    }

    /// <summary>Reads a BEIR qrels tsv (header line, then <c>query-id corpus-id score</c>); grades must be whole and non-negative.</summary>
    public static Dictionary<string, Dictionary<string, int>> ReadBeirTsv(string path)
    {
        using var reader = new TrecTextReader(path);
        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var first = true;
        while (reader.ReadLine())
        {
            if (first && !RelevanceGrade.TryParse(reader.String(Math.Min(reader.FieldCount, 8) - 1), allowNegative: true, out _, out _))
            {
                first = false;
                continue;
            }
            first = false;
            if (reader.FieldCount != 3)
                throw reader.Error($"malformed line with {reader.FieldCount} fields; expected 'query-id<TAB>corpus-id<TAB>score'");
            Add(reader, qrels, queryField: 0, documentField: 1, gradeField: 2, allowNegative: false);
        }
        return qrels;
    }

    /// <summary>The judgments of a golden set as qrels; queries without judgments have no lines, as in TREC.</summary>
    public static Dictionary<string, Dictionary<string, int>> FromGoldenSet(GoldenSet set)
    {
        var qrels = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var query in set.Queries)
        {
            if (query.Judgments.Count > 0)
                qrels[query.Id] = new Dictionary<string, int>(query.Judgments, StringComparer.Ordinal);
        }
        return qrels;
    }

    /// <summary>A golden set made of qrels alone (query text = query id), so any TREC collection can be evaluated.</summary>
    public static GoldenSet ToGoldenSet(IReadOnlyDictionary<string, Dictionary<string, int>> qrels, string path, string sha256)
    {
        var ids = qrels.Keys.ToList();
        ids.Sort(TrecRankingOrder);
        var queries = ids.Select(id => new GoldenQuery
        {
            Id = id,
            Query = id,
            Judgments = new Dictionary<string, int>(qrels[id], StringComparer.Ordinal),
            Source = path,
        }).ToList();
        return new GoldenSet(path, sha256, queries);
    }

    /// <summary>Writes qrels as <c>qid 0 docid rel</c> lines, queries and documents in byte order.</summary>
    public static void Write(IReadOnlyDictionary<string, Dictionary<string, int>> qrels, TextWriter writer)
    {
        var ids = qrels.Keys.ToList();
        ids.Sort(TrecRankingOrder);
        foreach (var qid in ids)
        {
            var documents = qrels[qid].Keys.ToList();
            documents.Sort(TrecRankingOrder);
            foreach (var doc in documents)
                writer.Write($"{qid} 0 {doc} {qrels[qid][doc].ToString(CultureInfo.InvariantCulture)}\n");
        }
    }

    private static int TrecRankingOrder(string a, string b) => Metrics.TrecRanking.CompareIds(a, b);

    private static void Add(TrecTextReader reader, Dictionary<string, Dictionary<string, int>> qrels,
        int queryField, int documentField, int gradeField, bool allowNegative)
    {
        var text = reader.String(gradeField);
        if (!RelevanceGrade.TryParse(text, allowNegative, out var grade, out var error))
            throw reader.Error(error);
        var qid = reader.PooledString(queryField);
        if (!qrels.TryGetValue(qid, out var judgments))
        {
            judgments = new Dictionary<string, int>(StringComparer.Ordinal);
            qrels.Add(qid, judgments);
        }
        var doc = reader.PooledString(documentField);
        if (!judgments.TryAdd(doc, grade))
            throw reader.Error($"document '{doc}' is judged twice for query '{qid}'; expected one judgment per query and document");
    }

    private static bool IsBeirTsv(string path)
    {
        if (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
            return true;
        using var reader = new TrecTextReader(path);
        return reader.ReadLine() && reader.FieldCount == 3;
    }
}
