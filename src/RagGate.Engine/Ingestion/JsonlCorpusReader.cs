using System.IO.Compression;
using System.Text.Json;
using RagGate.Evaluation;

namespace RagGate.Engine.Ingestion;

/// <summary>Reads JSONL and BEIR corpora (optionally gzip-compressed), one document per line.</summary>
internal static class JsonlCorpusReader
{
    public static async Task<IngestionResult> ReadAsync(string file, string format, string source, CancellationToken ct)
    {
        var bytes = await ReadAllAsync(file, ct);
        var documents = new List<Document>();
        var skipped = new List<string>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        var rest = CorpusText.WithoutBom(bytes);
        while (!rest.IsEmpty)
        {
            lineNumber++;
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (lineNumber % 4096 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var text = CorpusText.Decode(line, file, lineNumber);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var document = Parse(text, file, lineNumber);
            if (!firstLine.TryAdd(document.Id, lineNumber))
            {
                throw InputException.At(file, lineNumber.ToString(),
                    $"duplicate document id '{document.Id}' (first at line {firstLine[document.Id]})");
            }

            if (string.IsNullOrWhiteSpace(document.Text))
            {
                skipped.Add(document.Id);
                continue;
            }

            documents.Add(document);
        }

        return new IngestionResult(documents, skipped, format, source);
    }

    private static Document Parse(string json, string file, int lineNumber)
    {
        CorpusLine? line;
        try
        {
            line = JsonSerializer.Deserialize(json, CorpusJsonContext.Default.CorpusLine);
        }
        catch (JsonException ex)
        {
            throw InputException.At(file, lineNumber.ToString(),
                $"malformed JSON ({FirstLine(ex.Message)}); expected one {{\"id\", \"title\", \"text\"}} object per line");
        }

        var place = lineNumber.ToString();
        if (line is null)
        {
            throw InputException.At(file, place, "expected a JSON object, found null");
        }

        var id = line.Id ?? line.BeirId;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw InputException.At(file, place, "missing field 'id' (or '_id'); expected a non-empty string");
        }

        if (line.Text is null)
        {
            throw InputException.At(file, place, $"document '{id}' has no field 'text'; expected a string");
        }

        return new Document(id, string.IsNullOrWhiteSpace(line.Title) ? null : line.Title, line.Text);
    }

    private static async Task<byte[]> ReadAllAsync(string file, CancellationToken ct)
    {
        if (!file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return await FolderCorpusReader.ReadBytesAsync(file, ct);
        }

        try
        {
            await using var input = File.OpenRead(file);
            await using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            await gzip.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new InputException($"{file}: cannot be read ({FirstLine(ex.Message).TrimEnd('.')}); expected a readable gzip file", ex);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
