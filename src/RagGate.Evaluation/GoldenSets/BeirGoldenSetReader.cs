using System.Text.Json;

namespace RagGate.Evaluation.GoldenSets;

/// <summary>
/// BEIR golden sets: <c>queries.jsonl</c> (<c>{"_id", "text"}</c>) with graded <c>qrels/&lt;split&gt;.tsv</c>.
/// As in BEIR, queries without qrels are skipped and qrels of unknown queries are ignored.
/// </summary>
internal static class BeirGoldenSetReader
{
    /// <summary>Finds the queries file of a BEIR folder: queries.jsonl, else queries_&lt;split&gt;.jsonl.</summary>
    public static string QueriesFile(string folder, string split)
    {
        foreach (var name in new[] { "queries.jsonl", $"queries_{split}.jsonl" })
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
                return path;
        }
        throw new InputException($"{folder}: no queries.jsonl; expected a BEIR folder with queries.jsonl and qrels/{split}.tsv");
    }

    public static string QrelsFile(string queriesFile, string split)
    {
        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(queriesFile))!, "qrels", split + ".tsv");
        return File.Exists(path)
            ? path
            : throw new InputException($"{path}: file not found; expected the BEIR qrels of split '{split}' next to {Path.GetFileName(queriesFile)}");
    }

    /// <summary>True when the first object of a JSONL file looks like a BEIR query (<c>_id</c> and <c>text</c>).</summary>
    public static bool LooksLikeBeir(List<(JsonElement Element, int Line)> objects) =>
        objects.Count > 0 && objects[0].Element.ValueKind == JsonValueKind.Object
        && objects[0].Element.TryGetProperty("_id", out _) && !objects[0].Element.TryGetProperty("query", out _);

    public static List<GoldenQuery> Read(string queriesFile, List<(JsonElement Element, int Line)> objects, string qrelsFile)
    {
        var qrels = TrecQrels.ReadBeirTsv(qrelsFile);
        var queries = new List<GoldenQuery>();
        var position = 0;
        foreach (var (element, line) in objects)
        {
            position++;
            var place = $"{queriesFile}:{line}";
            var id = Text(element, "_id", place, position);
            var text = Text(element, "text", place, position);
            if (!qrels.TryGetValue(id, out var judgments))
                continue;
            queries.Add(new GoldenQuery { Id = id, Query = text, Judgments = judgments, Source = place });
        }
        return queries;
    }

    private static string Text(JsonElement element, string name, string place, int position)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
            throw new InputException($"{place}: query {position} has no string \"{name}\" field; expected {{\"_id\": \"...\", \"text\": \"...\"}}");
        var text = value.GetString()!;
        return string.IsNullOrWhiteSpace(text)
            ? throw new InputException($"{place}: query {position} has an empty \"{name}\"; expected a non-empty string")
            : text;
    }
}
