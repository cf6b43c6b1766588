using RagGate.Cli.Commands;
using RagGate.Evaluation;

namespace RagGate.Cli.Tests.Commands;

public sealed class AskCommandSettingsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_BlankQuestion_ThrowsNamingTheArgument(string question)
    {
        var error = Assert.Throws<InputException>(() => new AskCommandSettings { Question = question, Index = "index" }.Validate());

        Assert.Equal("question: empty; expected a question in quotes", error.Message);
    }

    [Fact]
    public void Validate_UnknownMode_ThrowsNamingTheOption()
    {
        var error = Assert.Throws<InputException>(() => new AskCommandSettings { Question = "Why?", Index = "index", Mode = "sparse" }.Validate());

        Assert.Equal("--mode: 'sparse' is not a registered retrieval mode; expected one of: dense, bm25, hybrid", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("dense")]
    [InlineData("bm25")]
    [InlineData("hybrid")]
    public void Validate_KnownMode_Passes(string? mode) =>
        new AskCommandSettings { Question = "Why?", Index = "index", Mode = mode }.Validate();
}
