using RagGate.Evaluation;

namespace RagGate.Cli.Hosting;

/// <summary>
/// The report folder (--out), all or nothing: every file is written into a hidden staging folder beside it and
/// moved in only when all of them were written, so a failed run leaves the previous reports exactly as they were.
/// </summary>
internal static class ReportFolder
{
    /// <summary>Throws before any work when <paramref name="outDir"/> cannot be a folder (it, or a folder above it, is a file).</summary>
    public static void Check(string outDir)
    {
        InputFile.CheckPath(outDir, "a folder for the reports (--out)");
        for (var path = Path.GetFullPath(outDir); !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                throw new InputException(path == Path.GetFullPath(outDir)
                    ? $"{outDir}: is a file; expected a folder for the reports (--out)"
                    : $"{outDir}: {path} is a file; expected a folder for the reports (--out)");
            }

            if (Directory.Exists(path))
                return;
        }
    }

    /// <summary>Writes the files through <paramref name="write"/> into a staging folder, then moves them into <paramref name="outDir"/>.</summary>
    public static async Task WriteAsync(string outDir, Func<string, Task> write)
    {
        Check(outDir);
        var full = Path.GetFullPath(outDir);
        var parent = Path.GetDirectoryName(full) ?? full;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            await write(staging);
            Directory.CreateDirectory(full);
            foreach (var file in Directory.EnumerateFiles(staging))
                File.Move(file, Path.Combine(full, Path.GetFileName(file)), overwrite: true);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
