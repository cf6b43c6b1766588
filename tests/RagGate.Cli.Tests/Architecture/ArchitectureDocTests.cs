using System.Text.RegularExpressions;

namespace RagGate.Cli.Tests.Architecture;

/// <summary>docs/architecture.md's folder table and the folders under src/ agree, both ways.</summary>
public sealed partial class ArchitectureDocTests
{
    [Fact]
    public void FolderTable_NamesEveryFeatureFolder_AndOnlyFoldersThatExist()
    {
        var documented = DocumentedFolders(File.ReadAllText(RepoRoot.Combine("docs", "architecture.md")));
        var actual = Directory.EnumerateDirectories(RepoRoot.Combine("src"))
            .SelectMany(project => Directory.EnumerateDirectories(project)
                .Select(folder => $"{Path.GetFileName(project)}/{Path.GetFileName(folder)}/"))
            .Where(folder => !folder.EndsWith("/bin/", StringComparison.Ordinal) && !folder.EndsWith("/obj/", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(actual.Except(documented).Order(StringComparer.Ordinal));
        Assert.Empty(documented.Except(actual).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DocumentedFolders_ReadsTheFirstColumnOfTheTable()
    {
        var folders = DocumentedFolders("| folder | what |\n|---|---|\n| `RagGate.Engine/Chunking/` | chunks |\n| `RagGate.Server/Api/` | api |\nprose `Not/A/Row/`\n");

        Assert.Equal(["RagGate.Engine/Chunking/", "RagGate.Server/Api/"], folders.Order(StringComparer.Ordinal));
    }

    private static HashSet<string> DocumentedFolders(string markdown) =>
        FolderRow().Matches(markdown).Select(m => m.Groups["folder"].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^\| `(?<folder>RagGate\.[A-Za-z]+/[A-Za-z]+/)` \|", RegexOptions.Multiline)]
    private static partial Regex FolderRow();
}
