using RagGate.Evaluation;

namespace RagGate.History.Tests;

public sealed class BaselineSelectorTests
{
    [Fact]
    public void TryParse_LastPassing_NamesTheBranchAndPassingOnly()
    {
        var selector = BaselineSelector.TryParse("last-passing:release/2.0");

        Assert.Equal(("release/2.0", true, (long?)null), (selector!.Branch, selector.PassingOnly, selector.RunId));
        Assert.Equal("no passing run on branch 'release/2.0'", selector.Describe());
    }

    [Fact]
    public void TryParse_Last_NamesTheBranchWithAnyVerdict()
    {
        var selector = BaselineSelector.TryParse("last:main");

        Assert.Equal(("main", false), (selector!.Branch, selector.PassingOnly));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("run:42")]
    public void TryParse_RunId_NamesTheRun(string value) => Assert.Equal(42, BaselineSelector.TryParse(value)!.RunId);

    [Theory]
    [InlineData("base/run.json")]
    [InlineData("run.json")]
    public void TryParse_FilePath_ReturnsNull(string value) => Assert.Null(BaselineSelector.TryParse(value));

    [Theory]
    [InlineData("last-passing:")]
    [InlineData("last:")]
    [InlineData("run:x")]
    public void TryParse_NoBranchOrId_ThrowsOneLine(string value)
    {
        var error = Assert.Throws<InputException>(() => BaselineSelector.TryParse(value));

        Assert.StartsWith($"--baseline: '{value}' ", error.Message, StringComparison.Ordinal);
    }
}
