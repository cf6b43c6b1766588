using RagGate.Engine.Answering;

namespace RagGate.Engine.Tests.Answering;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_MarkdownParagraphs_SentencesWithoutHeadingsOrMarkers()
    {
        const string text = "# Refunds\n\nRefunds go to the original card. They take 5 days to arrive!\n"
            + "- Ask support if it takes longer.\n\nOK.\n---\nShe said \"Call us.\" Then we called back.";

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(
            [
                "Refunds go to the original card.",
                "They take 5 days to arrive!",
                "Ask support if it takes longer.",
                "She said \"Call us.\"",
                "Then we called back.",
            ],
            sentences);
    }

    [Fact]
    public void Split_AbbreviationFollowedByLowercase_StaysOneSentence()
    {
        Assert.Equal(["Use a strong passphrase, e.g. four random words."], SentenceSplitter.Split("Use a strong passphrase, e.g. four random words."));
    }
}
