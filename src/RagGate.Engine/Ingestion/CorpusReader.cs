using RagGate.Evaluation;

namespace RagGate.Engine.Ingestion;

/// <summary>
/// Reads a corpus from a path: a folder of <c>.md</c>/<c>.txt</c> files, a JSONL file, or a BEIR
/// <c>corpus.jsonl(.gz)</c>. Bad input is an <see cref="InputException"/> naming the file and line.
/// </summary>
public static class CorpusReader
{
    private static readonly string[] BeirNames = ["corpus.jsonl", "corpus.jsonl.gz"];

    /// <summary>Detects the format of <paramref name="path"/> and reads every document in it.</summary>
    public static Task<IngestionResult> ReadAsync(string path, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            var beir = BeirNames.Select(name => Path.Combine(path, name)).FirstOrDefault(File.Exists);
            return beir is null
                ? FolderCorpusReader.ReadAsync(path, ct)
                : JsonlCorpusReader.ReadAsync(beir, CorpusFormats.Beir, path, ct);
        }

        if (!File.Exists(path))
        {
            throw InputException.At(path, null,
                "not found; expected a folder of .md/.txt files, a .jsonl file or a BEIR corpus.jsonl(.gz)");
        }

        var name = Path.GetFileName(path);
        var format = BeirNames.Contains(name, StringComparer.OrdinalIgnoreCase)
            || name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? CorpusFormats.Beir
                : CorpusFormats.Jsonl;
        return JsonlCorpusReader.ReadAsync(path, format, path, ct);
    }
}
