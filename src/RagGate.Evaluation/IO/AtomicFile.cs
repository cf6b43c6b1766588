namespace RagGate.Evaluation.IO;

/// <summary>
/// Writes files through a temporary sibling and a rename, so a reader never sees a half-written file and a
/// failure leaves nothing behind. Every file RagGate writes goes through here.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> (its folder created when missing) from what <paramref name="write"/> puts in the stream.</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var temp = await StageAsync(path, write, cancellationToken);
        Commit(temp, path);
    }

    /// <summary>Writes text to <paramref name="path"/> as UTF-8 (no byte-order mark).</summary>
    public static Task WriteTextAsync(string path, Action<TextWriter> write, CancellationToken cancellationToken) =>
        WriteAsync(path, async (stream, ct) =>
        {
            await using var writer = new StreamWriter(stream, leaveOpen: true);
            write(writer);
            await writer.FlushAsync(ct);
        }, cancellationToken);

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>; when the rename fails the temporary file is deleted and the error thrown.</summary>
    public static void WriteBytes(string path, byte[] bytes)
    {
        var temp = TempPathFor(path);
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            Delete(temp);
        }
    }

    /// <summary>
    /// Writes a temporary sibling of <paramref name="path"/> and returns its path; <see cref="Commit"/> renames it
    /// into place, <see cref="Delete"/> drops it. Several files staged first and committed together are all or nothing.
    /// </summary>
    public static async Task<string> StageAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = TempPathFor(path);
        try
        {
            await using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await write(stream, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        catch
        {
            Delete(temp);
            throw;
        }
        return temp;
    }

    /// <summary>Renames a staged file into place, replacing what was there.</summary>
    public static void Commit(string staged, string path) => File.Move(staged, Path.GetFullPath(path), overwrite: true);

    /// <summary>Deletes a staged file that is still there.</summary>
    public static void Delete(string staged)
    {
        if (File.Exists(staged))
            File.Delete(staged);
    }

    private static string TempPathFor(string path) => $"{Path.GetFullPath(path)}.{Guid.NewGuid():N}.tmp";
}
