namespace RagGate.Server.Tests;

/// <summary>Finds the repository root (the folder holding RagGate.slnx) from the test's output folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>
    /// Copies a folder recursively, leaving out .raggate output a developer may have left there, so
    /// tests never write into the repository and never reuse a local index or cache.
    /// </summary>
    public static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(source, file);
            if (relative.StartsWith(".raggate", StringComparison.Ordinal))
                continue;
            var destination = System.IO.Path.Combine(target, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "RagGate.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"RagGate.slnx not found above {AppContext.BaseDirectory}");
    }
}
