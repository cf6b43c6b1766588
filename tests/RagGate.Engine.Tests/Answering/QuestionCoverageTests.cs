using RagGate.Engine.Answering;

namespace RagGate.Engine.Tests.Answering;

public sealed class QuestionCoverageTests
{
    [Fact]
    public void Share_EveryTermPresent_IsOne()
    {
        var coverage = new QuestionCoverage(termWeight: null);

        var share = coverage.Share(QuestionCoverage.Terms("reset passwords"), "Reset a forgotten password from the sign-in page.");

        Assert.Equal(1.0, share);
    }

    [Fact]
    public void Share_RareTermMissing_CountsByItsWeight()
    {
        // "watch" is rare in the corpus (weight 3), "app" common (weight 1): the apps article lacks the
        // word that matters.
        var coverage = new QuestionCoverage(term => term == "watch" ? 3.0 : 1.0);
        var terms = QuestionCoverage.Terms("Is there an app for Apple Watch?");

        var share = coverage.Share(terms, "Our app runs on the iPhone and on Apple's iPad.");

        Assert.Equal(["app", "appl", "watch"], terms);
        Assert.Equal(2.0 / 5.0, share, 9);
    }

    [Fact]
    public void Share_QuestionWithoutTerms_IsZero()
    {
        var coverage = new QuestionCoverage(termWeight: null);

        Assert.Equal(0.0, coverage.Share(QuestionCoverage.Terms("Is it to be or not to be?"), "It is."));
    }
}
