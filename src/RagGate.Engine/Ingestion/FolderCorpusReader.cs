using RagGate.Evaluation;

namespace RagGate.Engine.Ingestion;

/// <summary>Reads a folder of Markdown and text files recursively; ids are relative paths without extension.</summary>
internal static class FolderCorpusReader
{
    public static async Task<IngestionResult> ReadAsync(string folder, CancellationToken ct)
    {
        var files = List(folder);

        var documents = new List<Document>(files.Count);
        var skipped = new List<string>();
        var firstFile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, id) in files)
        {
            ct.ThrowIfCancellationRequested();
            if (!firstFile.TryAdd(id, file))
            {
                throw InputException.At(file, null, $"duplicate document id '{id}' (first from {firstFile[id]})");
            }

            var text = CorpusText.Decode(CorpusText.WithoutBom(await ReadBytesAsync(file, ct)), file, 1);
            if (string.IsNullOrWhiteSpace(text))
            {
                skipped.Add(id);
                continue;
            }

            var title = file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? MarkdownTitle.Find(text) : null;
            documents.Add(new Document(id, title, text));
        }

        return new IngestionResult(documents, skipped, CorpusFormats.Folder, folder);
    }

    private static List<(string File, string Id)> List(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(IsDocumentFile)
                .Select(file => (File: file, Id: DocumentId(folder, file)))
                .OrderBy(entry => entry.Id, StringComparer.Ordinal)
                .ThenBy(entry => entry.File, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{folder}: cannot be listed ({ex.Message.TrimEnd('.')}); expected a readable folder", ex);
        }
    }

    internal static async Task<byte[]> ReadBytesAsync(string file, CancellationToken ct)
    {
        try
        {
            return await File.ReadAllBytesAsync(file, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{file}: cannot be read ({ex.Message.TrimEnd('.')}); expected a readable file", ex);
        }
    }

    private static bool IsDocumentFile(string file) =>
        file.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        || file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    private static string DocumentId(string folder, string file)
    {
        var relative = Path.GetRelativePath(folder, file);
        var withoutExtension = Path.ChangeExtension(relative, null);
        return withoutExtension.Replace(Path.DirectorySeparatorChar, '/');
    }
}
