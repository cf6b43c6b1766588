using RagGate.Cli.Commands;
using RagGate.Evaluation;

namespace RagGate.Cli.Tests.Commands;

public sealed class EvalCommandSettingsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1,,4")]
    [InlineData("four")]
    [InlineData("1025")]
    public void Validate_BadConcurrency_ThrowsNamingTheOption(string concurrency)
    {
        var error = Assert.Throws<InputException>(() => Settings(concurrency).Validate());

        Assert.StartsWith($"--concurrency: '{concurrency}' is not allowed;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConcurrencyLevels_List_ParsesEveryLevel()
    {
        var settings = Settings("1, 4,16");

        settings.Validate();

        Assert.Equal([1, 4, 16], settings.ConcurrencyLevels);
    }

    [Fact]
    public void ConcurrencyLevels_NotGiven_IsNull() => Assert.Null(Settings(null).ConcurrencyLevels);

    private static EvalCommandSettings Settings(string? concurrency) => new() { Config = "raggate.yaml", Out = "out", Concurrency = concurrency };
}
