namespace RagGate.Server.Tests;

/// <summary>
/// The support-kb sample copied once per test run into a temp folder, with its index built once
/// (every server under test loads it from there, which takes a second instead of a build), and
/// configs written beside it for each test's needs.
/// </summary>
public sealed class SampleKb : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    /// <summary>The sample's folder (docs, golden, raggate.yaml).</summary>
    public string Folder => Path.Combine(_folder.Path, "support-kb");

    /// <summary>
    /// Writes a config next to the sample: its engine settings, one pass per golden query, and the
    /// given <c>server:</c> (and other) sections appended.
    /// </summary>
    public string WriteConfig(string name, string extra = "")
    {
        var text = File.ReadAllText(Path.Combine(Folder, "raggate.yaml"))
            .Replace("  warmup: 5\n", "  warmup: 0\n", StringComparison.Ordinal)
            .Replace("  repetitions: 3\n", "  repetitions: 1\n", StringComparison.Ordinal);
        Assert.Contains("repetitions: 1", text, StringComparison.Ordinal);
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text + "\n" + extra);
        return path;
    }

    public async Task InitializeAsync()
    {
        RepoRoot.CopyFolder(RepoRoot.Combine("samples", "support-kb"), Folder);
        // Build the index the way the server does, so the fingerprint matches and later loads reuse it.
        await using var factory = new ServerFactory(WriteConfig("raggate.build.yaml"));
        await factory.WaitReadyAsync();
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
