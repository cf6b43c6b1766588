using System.Text.RegularExpressions;

namespace RagGate.Cli.Tests.Commands;

/// <summary>
/// Issue 2's "done when": <c>raggate index</c> on the sample knowledge base, then <c>raggate ask</c>,
/// cites the password document; a corrupted index is one clear line, never a wrong answer.
/// </summary>
public sealed class AskCommandEndToEndTests : IClassFixture<AskCommandEndToEndTests.SampleIndex>
{
    private const string PasswordDoc = "passwords/reset-password";
    private readonly SampleIndex _index;

    public AskCommandEndToEndTests(SampleIndex index) => _index = index;

    [Fact]
    public async Task Ask_ResetPasswordOnSampleIndex_CitesPasswordDocumentWithTokensAndLatency()
    {
        Assert.True(_index.Build.ExitCode == 0, $"index exited {_index.Build.ExitCode}: {_index.Build.Stderr}");

        var result = await RaggateProcess.RunAsync(_index.Folder.Path, "ask", "How do I reset my password?", "--index", _index.IndexPath);

        Assert.True(result.ExitCode == 0, $"ask exited {result.ExitCode}: {result.Stderr}");
        var (answer, sources) = SplitAnswerAndSources(result.Stdout);
        Assert.Contains(sources, line => line.Contains($" {PasswordDoc} ", StringComparison.Ordinal));
        // The extractive answer quotes a passage of the best-supported document with its [doc-id]
        // (and a second source only when it adds something): every citation a password document and a listed source.
        var cited = Regex.Matches(answer, @"\[([a-z0-9/-]+)\]").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(PasswordDoc, cited);
        Assert.All(cited, id => Assert.StartsWith("passwords/", id, StringComparison.Ordinal));
        Assert.All(cited, id => Assert.Contains(sources, line => line.Contains($" {id} ", StringComparison.Ordinal)));
        Assert.Matches(@"Tokens \(.+\): prompt \d+, completion \d+, total \d+", result.Stdout);
        Assert.Matches(@"Latency: retrieval \d+(\.\d+)? ms, total \d+(\.\d+)? ms", result.Stdout);
    }

    [Fact]
    public async Task Ask_ResetPasswordWithSampleConfig_AnswersWithTheResetStepsInOrder()
    {
        Assert.True(_index.Build.ExitCode == 0, $"index exited {_index.Build.ExitCode}: {_index.Build.Stderr}");

        // The README tour's question, with the sample's own settings.
        var result = await RaggateProcess.RunAsync(_index.Folder.Path, "ask", "How do I reset my password?", "--index", _index.IndexPath,
            "--config", RepoRoot.Combine("samples", "support-kb", "raggate.yaml"));

        Assert.True(result.ExitCode == 0, $"ask exited {result.ExitCode}: {result.Stderr}");
        var (answer, _) = SplitAnswerAndSources(result.Stdout);
        // A support agent's answer: the reset document's five steps, in order, and nothing from
        // change-password or the SSO article ("Enter your current password ..." was quoted before).
        var steps = Regex.Matches(answer, @"│\s*(\d)\.\s").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["1", "2", "3", "4", "5"], steps);
        var cited = Regex.Matches(answer, @"\[([a-z0-9/-]+)\]").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal([PasswordDoc], cited);
        Assert.DoesNotContain("current password", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_CorruptedVectors_ExitsTwoWithOneLineNamingVectorsBin()
    {
        Assert.True(_index.Build.ExitCode == 0, $"index exited {_index.Build.ExitCode}: {_index.Build.Stderr}");
        var corrupted = Path.Combine(_index.Folder.Path, "corrupted");
        RepoRoot.CopyFolder(_index.IndexPath, corrupted);
        var vectors = Path.Combine(corrupted, "vectors.bin");
        var bytes = File.ReadAllBytes(vectors);
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 16; i++)
            bytes[i] ^= 0x5A;
        File.WriteAllBytes(vectors, bytes);

        var result = await RaggateProcess.RunAsync(_index.Folder.Path, "ask", "How do I reset my password?", "--index", corrupted);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("vectors.bin", line);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr);
        Assert.DoesNotContain(PasswordDoc, result.Stdout);
    }

    /// <summary>The answer panel's text, and the rows of the sources table (which starts at its "document" header).</summary>
    private static (string Answer, List<string> Sources) SplitAnswerAndSources(string stdout)
    {
        var lines = stdout.Split('\n');
        var header = Array.FindIndex(lines, l => l.Contains(" document ", StringComparison.Ordinal));
        Assert.True(header > 0, "no sources table:\n" + stdout);
        return (string.Join("\n", lines[..header]), [.. lines[(header + 1)..]]);
    }

    /// <summary>One index of samples/support-kb/docs, built once by the real CLI and shared by the tests.</summary>
    public sealed class SampleIndex : IAsyncLifetime
    {
        internal TempFolder Folder { get; } = new();

        internal string IndexPath => Path.Combine(Folder.Path, "index");

        internal RaggateProcess.Result Build { get; private set; } = new(-1, "", "not built");

        public async Task InitializeAsync() =>
            Build = await RaggateProcess.RunAsync(Folder.Path, "index", "--corpus", RepoRoot.Combine("samples", "support-kb", "docs"),
                "--max-tokens", "256", "--overlap", "32", "--out", IndexPath); // the sample's chunking (raggate.yaml)

        public Task DisposeAsync()
        {
            Folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
