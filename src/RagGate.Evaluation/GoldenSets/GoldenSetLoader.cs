using System.Security.Cryptography;
using System.Text.Json;
using RagGate.Evaluation.IO;

namespace RagGate.Evaluation.GoldenSets;

/// <summary>
/// Loads golden sets in the three formats RagGate reads, detected from the path: the reference JSON
/// (<c>{"queries": [{"query", "expected_doc_ids", "expected_keywords"}]}</c>), JSONL of the same objects,
/// and BEIR (a folder, or its queries.jsonl, with <c>qrels/&lt;split&gt;.tsv</c>). Bad input throws an
/// <see cref="InputException"/> naming the file and line.
/// </summary>
public static class GoldenSetLoader
{
    /// <summary>The BEIR qrels split read by default.</summary>
    public const string DefaultSplit = "test";

    /// <summary>
    /// Loads a golden set, reading BEIR qrels of the split a <c>queries_&lt;split&gt;.jsonl</c> file
    /// names, else of the <c>test</c> split.
    /// </summary>
    public static GoldenSet Load(string path) => Load(path, SplitOf(path));

    /// <summary>The split a BEIR queries file names (<c>queries_dev.jsonl</c>: <c>dev</c>), else <see cref="DefaultSplit"/>.</summary>
    public static string SplitOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path.TrimEnd('/', '\\'));
        const string Prefix = "queries_", Suffix = ".jsonl";
        return name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)
            && name.Length > Prefix.Length + Suffix.Length
            ? name[Prefix.Length..^Suffix.Length]
            : DefaultSplit;
    }

    /// <summary>Loads a golden set; <paramref name="split"/> picks the BEIR qrels file.</summary>
    public static GoldenSet Load(string path, string split)
    {
        InputFile.CheckPath(path, Expected);
        if (Directory.Exists(path))
        {
            var queriesFile = BeirGoldenSetReader.QueriesFile(path, split);
            return LoadBeir(path, queriesFile, Objects(queriesFile, ReadAll(queriesFile)), split);
        }
        var bytes = ReadAll(path);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var objects = Objects(path, bytes);
            if (BeirGoldenSetReader.LooksLikeBeir(objects))
                return LoadBeir(path, path, objects, split);
            return Build(path, Sha256(bytes), Parse(path, objects));
        }
        return Build(path, Sha256(bytes), Parse(path, JsonLines.ReferenceQueries(path, bytes)));
    }

    /// <summary>Checks that every judged document id exists (in the corpus or index); the error names the query's file:line and the id.</summary>
    public static void ValidateDocumentIds(GoldenSet set, IReadOnlySet<string> knownIds)
    {
        foreach (var query in set.Queries)
        {
            foreach (var id in query.Judgments.Keys)
            {
                if (!knownIds.Contains(id))
                    throw new InputException($"{query.Source ?? set.Path}: query '{query.Id}' expects document '{id}', which is not in the corpus or index; expected known document ids");
            }
        }
    }

    private static GoldenSet LoadBeir(string path, string queriesFile, List<(JsonElement, int)> objects, string split)
    {
        var qrelsFile = BeirGoldenSetReader.QrelsFile(queriesFile, split);
        var queries = BeirGoldenSetReader.Read(queriesFile, objects, qrelsFile);
        var hash = Sha256([.. File.ReadAllBytes(queriesFile), .. File.ReadAllBytes(qrelsFile)]);
        return Build(path, hash, queries);
    }

    private static List<GoldenQuery> Parse(string file, List<(JsonElement Element, int Line)> objects)
    {
        var queries = new List<GoldenQuery>(objects.Count);
        for (var i = 0; i < objects.Count; i++)
            queries.Add(GoldenQueryParser.Parse(objects[i].Element, file, objects[i].Line, i + 1));
        return queries;
    }

    private static GoldenSet Build(string path, string sha256, List<GoldenQuery> queries)
    {
        if (queries.Count == 0)
            throw new InputException($"{path}: the golden set has no queries; expected at least one query");
        var firstSeen = new Dictionary<string, GoldenQuery>(StringComparer.Ordinal);
        var firstText = new Dictionary<string, GoldenQuery>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            // Same text first: two id-less copies of a query get the same derived id, and the text is the real cause.
            if (!firstText.TryAdd(QueryIdentity.Normalize(query.Query), query))
                throw new InputException($"{query.Source}: query text '{query.Query}' repeats the query at {firstText[QueryIdentity.Normalize(query.Query)].Source}; expected each query once");
            if (!firstSeen.TryAdd(query.Id, query))
                throw new InputException($"{query.Source}: query id '{query.Id}' is used twice (first at {firstSeen[query.Id].Source}); expected unique query ids");
        }
        return new GoldenSet(path, sha256, queries);
    }

    private static List<(JsonElement, int)> Objects(string file, byte[] bytes) => JsonLines.Objects(file, bytes);

    private const string Expected = "a golden set (JSON, JSONL or a BEIR folder)";

    private static byte[] ReadAll(string path) => InputFile.ReadUtf8Bytes(path, Expected);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
