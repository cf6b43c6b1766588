namespace RagGate.Cli.Tests.Commands;

/// <summary><c>raggate serve</c> with a bad config exits 2 with one line, like every other command, and never starts listening.</summary>
public sealed class ServeCommandInputErrorTests
{
    [Theory]
    [InlineData("nowhere.yaml", null, "nowhere.yaml: file not found")]
    [InlineData("raggate.yaml", "version: 1\ngolden: g.json\ncorpus: docs\nserver:\n  max_query_chars: -5\n", "server.max_query_chars")]
    [InlineData("raggate.yaml", "version: 1\ngolden: g.json\ncorpus: docs\nserver:\n  rate_limit:\n    per_second: 5\n", "per_second")]
    [InlineData("raggate.yaml", "version: 1\ngolden: g.json\ntarget:\n  kind: http\n  url: http://127.0.0.1:9/\n", "target.kind")]
    public async Task Serve_BadConfig_ExitsTwoWithOneLine(string file, string? content, string expected)
    {
        using var folder = new TempFolder();
        if (content is not null) folder.Write(file, content);

        var result = await RaggateProcess.RunAsync(folder.Path, "serve", "--config", file, "--urls", "http://127.0.0.1:0");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.Stderr);
        Assert.StartsWith("raggate: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
    }
}
