using System.IO.Compression;
using System.Text.Json;
using RagGate.Evaluation;

namespace RagGate.Benchmarks;

/// <summary>Reads passages (title + " " + text, as BEIR's published runs embed them) from a BEIR corpus.</summary>
internal static class EmbedBenchmarkCorpus
{
    public const string DefaultPath = "samples/scifact/corpus.jsonl.gz";

    public static List<string> Load(string path, int maxDocs)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: expected a BEIR corpus.jsonl or corpus.jsonl.gz");
        }

        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        var passages = new List<string>();
        var lineNumber = 0;
        while (passages.Count < maxDocs && reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() ?? "" : "";
            var text = root.TryGetProperty("text", out var x) ? x.GetString() : null;
            passages.Add(text is null ? throw InputException.At(path, lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), "expected a \"text\" field") : title + " " + text);
        }

        return passages;
    }
}
