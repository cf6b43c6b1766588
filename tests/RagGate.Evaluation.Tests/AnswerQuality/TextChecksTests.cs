using RagGate.Evaluation.AnswerQuality;

namespace RagGate.Evaluation.Tests.AnswerQuality;

public sealed class TextChecksTests
{
    [Fact]
    public void KeywordCoverage_CaseInsensitiveSubstrings_CountsFoundShare()
    {
        Assert.Equal(2.0 / 3, TextChecks.KeywordCoverage(["Refund", "30 days", "email"], ["Refunds are paid", "within 30 DAYS"])!.Value, 12);
        Assert.Null(TextChecks.KeywordCoverage([], ["anything"]));
    }

    [Fact]
    public void FindMarkers_CurlyApostrophe_StillMatches()
    {
        Assert.Equal(["I don't know"], TextChecks.FindMarkers("I don\u2019t know that.", ["I don't know", "As an AI"]));
    }

    [Fact]
    public void StripCitations_RemovesDocIdsOnly()
    {
        Assert.Equal("Reset it from Settings. Then sign in.", TextChecks.StripCitations("Reset it from Settings. [passwords/reset] Then sign in. [a-b]"));
    }

    [Fact]
    public void Sentences_SplitsAtStopsAndLineBreaks()
    {
        Assert.Equal(["One.", "Two?", "Three", "Four!"], TextChecks.Sentences("One. Two?\nThree\n\nFour!"));
    }

    [Fact]
    public void Lexical_UnsupportedSentence_LowersTheShare()
    {
        var context = "Annual plans can be refunded within 30 days of the charge.";

        Assert.Equal(1.0, Groundedness.Lexical("Annual plans can be refunded within 30 days. [refunds]", context));
        Assert.Equal(0.5, Groundedness.Lexical("Annual plans can be refunded within 30 days. Hardware ships from Norway tomorrow.", context));
    }
}
