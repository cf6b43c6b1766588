using System.Text.Json;

namespace RagGate.Engine.Indexing;

/// <summary>Saves an index folder atomically: everything goes to a sibling temporary folder that then replaces the target.</summary>
internal static class IndexWriter
{
    private static readonly IndexJsonContext Indented = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    });

    public static async Task SaveAsync(RagIndex index, string directory, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temporary = $"{target}.tmp-{Guid.NewGuid():N}";
        Directory.CreateDirectory(temporary);
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(temporary, IndexFiles.Documents), IndexFiles.WriteDocuments(index.Documents), ct);
            await File.WriteAllBytesAsync(Path.Combine(temporary, IndexFiles.Chunks),
                IndexFiles.WriteChunks(index.Chunks, index.DocumentRows), ct);
            if (index.Vectors is { } vectors)
            {
                await File.WriteAllBytesAsync(Path.Combine(temporary, IndexFiles.Vectors), IndexFiles.WriteVectors(vectors), ct);
            }

            if (index.Int8Vectors is { } int8)
            {
                await File.WriteAllBytesAsync(Path.Combine(temporary, IndexFiles.Int8Vectors), IndexFiles.WriteInt8Vectors(int8), ct);
            }

            await File.WriteAllBytesAsync(Path.Combine(temporary, IndexFiles.Bm25), Bm25IndexFile.Write(index.Bm25), ct);
            // The manifest goes last: a folder with a manifest has all its data files.
            await File.WriteAllBytesAsync(Path.Combine(temporary, IndexFiles.Manifest),
                JsonSerializer.SerializeToUtf8Bytes(index.Manifest, Indented.IndexManifest), ct);
            Replace(temporary, target);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void Replace(string temporary, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temporary, target);
            return;
        }

        var old = $"{target}.old-{Guid.NewGuid():N}";
        Directory.Move(target, old);
        Directory.Move(temporary, target);
        TryDelete(old);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the target is already complete.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
