using System.Text.Json;

namespace RagGate.Cli.Tests.Scaffold;

/// <summary><c>raggate init</c>: the scaffold's files, never an overwrite without --force, and --ci none.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Init_EmptyFolder_WritesConfigCorpusGoldenSetAndWorkflow()
    {
        var result = await RaggateProcess.RunAsync(_folder.Path, "init");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var yaml = File.ReadAllText(_folder.File("raggate.yaml"));
        Assert.StartsWith("# yaml-language-server: $schema=raggate.schema.json\n", yaml, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(RepoRoot.Combine("schemas", "raggate.schema.json")), File.ReadAllText(_folder.File("raggate.schema.json")));
        Assert.True(Directory.GetFiles(_folder.File("kb"), "*.md").Length >= 5);
        Assert.True(File.Exists(_folder.File(".github/workflows/ml-ci-cd.yml")));

        using var golden = JsonDocument.Parse(File.ReadAllText(_folder.File("tests/fixtures/test_queries.json")));
        var queries = golden.RootElement.GetProperty("queries").EnumerateArray().ToList();
        Assert.All(queries, q => Assert.True(q.TryGetProperty("id", out _) && q.TryGetProperty("category", out _), q.ToString()));
        Assert.Contains(queries, q => q.GetProperty("expected_doc_ids").GetArrayLength() == 0);
        Assert.Contains(queries, q => q.TryGetProperty("must_not_contain", out _));
        Assert.Contains(queries, q => q.TryGetProperty("reference_answer", out _));
        Assert.All(queries.SelectMany(q => q.GetProperty("expected_doc_ids").EnumerateArray()),
            id => Assert.True(File.Exists(_folder.File($"kb/{id.GetString()}.md")), $"no document {id}"));
    }

    [Fact]
    public async Task Init_FilesPresent_ExitsTwoNamingThemAndChangesNothing()
    {
        _folder.Write("raggate.yaml", "name: mine\n");
        _folder.Write("kb/refunds.md", "# Mine\n");

        var result = await RaggateProcess.RunAsync(_folder.Path, "init");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"raggate: {_folder.Path}: kb/refunds.md, raggate.yaml already exist; expected a folder without them, or --force to replace them", line);
        Assert.Equal("name: mine\n", File.ReadAllText(_folder.File("raggate.yaml")));
        Assert.False(File.Exists(_folder.File("rollout.yaml")), "nothing is written when one file is present");
    }

    [Fact]
    public async Task Init_ForceAndCiNone_ReplacesTheFilesAndWritesNoWorkflow()
    {
        _folder.Write("raggate.yaml", "name: mine\n");

        var result = await RaggateProcess.RunAsync(_folder.Path, "init", "--force", "--ci", "none");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("name: my-rag-app", File.ReadAllText(_folder.File("raggate.yaml")), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File(".github")));
    }

    [Fact]
    public async Task Init_UnknownCi_ExitsTwo()
    {
        var result = await RaggateProcess.RunAsync(_folder.Path, "init", "--ci", "gitlab");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("raggate: --ci: 'gitlab' is not allowed; expected github or none", result.Stderr.Trim());
        Assert.Empty(Directory.GetFileSystemEntries(_folder.Path));
    }
}
