namespace RagGate.Cli.Tests.Commands;

/// <summary>A command-line typo exits 2 (bad input) with one line naming the token, never 1 (a failed gate) with the whole help.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(new[] { "eval", "--baselin", "x" }, "raggate: eval: unknown option '--baselin'; did you mean --baseline?")]
    [InlineData(new[] { "evl" }, "raggate: unknown command 'evl'; did you mean eval?")]
    [InlineData(new[] { "compare", "a.json", "b.json", "--confg", "c.yaml" }, "raggate: compare: unknown option '--confg'; did you mean --config?")]
    public async Task Run_MistypedToken_ExitsTwoWithOneLineNamingItAndTheClosest(string[] args, string expected)
    {
        var result = await RaggateProcess.RunAsync(_folder.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.DoesNotContain("Usage:", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadOptionValue_ExitsTwoWithOneLine()
    {
        var result = await RaggateProcess.RunAsync(_folder.Path, "ask", "q", "--k", "many");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("raggate: ask: ", line, StringComparison.Ordinal);
        Assert.Contains("many", line, StringComparison.Ordinal);
    }
}
