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
        Assert.Contains($"[{PasswordDoc}]", result.Stdout);
        var lines = result.Stdout.Split('\n');
        Assert.Contains(lines, line => line.Contains(PasswordDoc, StringComparison.Ordinal) && !line.Contains($"[{PasswordDoc}]", StringComparison.Ordinal));
        Assert.Matches(@"Tokens \(.+\): prompt \d+, completion \d+, total \d+", result.Stdout);
        Assert.Matches(@"Latency: retrieval \d+(\.\d+)? ms, total \d+(\.\d+)? ms", result.Stdout);
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

    /// <summary>One index of samples/support-kb/docs, built once by the real CLI and shared by the tests.</summary>
    public sealed class SampleIndex : IAsyncLifetime
    {
        internal TempFolder Folder { get; } = new();

        internal string IndexPath => Path.Combine(Folder.Path, "index");

        internal RaggateProcess.Result Build { get; private set; } = new(-1, "", "not built");

        public async Task InitializeAsync() =>
            Build = await RaggateProcess.RunAsync(Folder.Path, "index", "--corpus", RepoRoot.Combine("samples", "support-kb", "docs"), "--out", IndexPath);

        public Task DisposeAsync()
        {
            Folder.Dispose();
            return Task.CompletedTask;
        }
    }
}
