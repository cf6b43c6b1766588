using System.Globalization;
using System.Reflection;
using RagGate.Evaluation.Metrics;
using RagGate.Evaluation.Targets;

namespace RagGate.Evaluation.Runs;

/// <summary>
/// TREC run files (<c>qid Q0 docid rank score tag</c>): export a <see cref="Run"/> so trec_eval can score it,
/// and import any system's run so RagGate can.
/// </summary>
public static class TrecRunFile
{
    /// <summary>Writes one line per retrieved document, best first; a repeated document id is written once.</summary>
    public static void Write(Run run, TextWriter writer, string tag)
    {
        TrecIds.Require(tag, "tag", "run tag");
        foreach (var query in run.Queries)
        {
            TrecIds.Require(query.Id, query.Id, "query id");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var rank = 0;
            foreach (var document in query.Retrieved)
            {
                if (!seen.Add(document.Id))
                    continue;
                TrecIds.Require(document.Id, query.Id, "document id");
                rank++;
                writer.Write(query.Id);
                writer.Write(" Q0 ");
                writer.Write(document.Id);
                writer.Write(' ');
                writer.Write(rank.ToString(CultureInfo.InvariantCulture));
                writer.Write(' ');
                writer.Write(document.Score.ToString("R", CultureInfo.InvariantCulture));
                writer.Write(' ');
                writer.Write(tag);
                writer.Write('\n');
            }
        }
    }

    /// <summary>Imports a TREC run as a <see cref="Run"/>: per query its documents ranked as trec_eval ranks them.</summary>
    public static Run Read(string path)
    {
        var trec = ReadScores(path);
        var run = new Run
        {
            ToolVersion = typeof(TrecRunFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
            System = new SystemIdentity(trec.Tag.Length > 0 ? trec.Tag : "trec-run", null, "none", null, null, null),
            GoldenSet = null,
        };
        foreach (var queryId in trec.QueryIds)
        {
            var documents = trec.Queries[queryId].ToArray();
            Array.Sort(documents, TrecRanking.Comparer);
            var record = new QueryRecord { Id = queryId };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < documents.Length; i++)
            {
                if (!seen.Add(documents[i].Id))
                    throw TrecRun.DuplicateDocument(path, queryId, documents[i].Id);
                record.Retrieved.Add(new RankedDocument(documents[i].Id, documents[i].Score, i + 1));
            }
            run.TopK = Math.Max(run.TopK, documents.Length);
            run.Queries.Add(record);
        }
        return run;
    }

    /// <summary>Reads the scored documents of a TREC run file, streaming it (the fast path trec-eval uses).</summary>
    public static TrecRun ReadScores(string path)
    {
        using var reader = new TrecTextReader(path);
        var queries = new Dictionary<string, List<ScoredDocument>>(StringComparer.Ordinal);
        var order = new List<string>();
        List<ScoredDocument>? current = null;
        var currentQid = Array.Empty<byte>();
        var tag = "";
        var tagBytes = Array.Empty<byte>();
        while (reader.ReadLine())
        {
            if (reader.FieldCount < 6)
                throw reader.Error($"malformed line with {reader.FieldCount} fields; expected 'qid Q0 docid rank score tag'");
            if (current is null || !reader.Field(0).SequenceEqual(currentQid))
            {
                var qid = reader.PooledString(0);
                currentQid = reader.Field(0).ToArray();
                if (!queries.TryGetValue(qid, out current))
                {
                    current = [];
                    queries.Add(qid, current);
                    order.Add(qid);
                }
            }
            var score = ParseScore(reader);
            current.Add(new ScoredDocument(reader.String(2), score));
            // trec_eval keeps the tag of the last line; decode it only when it changes.
            if (!reader.Field(5).SequenceEqual(tagBytes))
            {
                tag = reader.PooledString(5);
                tagBytes = reader.Field(5).ToArray();
            }
        }
        return new TrecRun(queries, tag, order) { Path = path };
    }

    private static double ParseScore(TrecTextReader reader)
    {
        var field = reader.Field(4);
        if (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && double.IsFinite(score))
            return score;
        throw reader.Error($"score '{System.Text.Encoding.UTF8.GetString(field)}' is not a number; expected 'qid Q0 docid rank score tag'");
    }
}
