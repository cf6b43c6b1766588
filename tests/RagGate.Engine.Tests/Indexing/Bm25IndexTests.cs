using RagGate.Engine.Indexing;

namespace RagGate.Engine.Tests.Indexing;

public sealed class Bm25IndexTests
{
    // Analyzed by hand (stop words "the", "at", "and" dropped; Porter stems):
    // 0: "cats running"               -> cat run              dl = 2
    // 1: "The cat runs fast"          -> cat run fast         dl = 3
    // 2: "Dogs bark at cats and cats" -> dog bark cat cat     dl = 4     avgdl = 3, N = 3
    private static readonly string[] Corpus = ["cats running", "The cat runs fast", "Dogs bark at cats and cats"];

    [Theory]
    [InlineData("The cats are running", new[] { "cat", "run" })]
    [InlineData("John's DOGS barked", new[] { "john", "dog", "bark" })]
    [InlineData("Dogs bark at cats and cats", new[] { "dog", "bark", "cat", "cat" })]
    public void Analyze_EnglishText_LowercasesDropsStopWordsAndStems(string text, string[] expected)
    {
        Assert.Equal(expected, EnglishTerms.Analyze(text));
    }

    [Fact]
    public void Search_TwoTermQuery_MatchesHandComputedScores()
    {
        var index = Bm25Index.Build(Corpus);

        var hits = index.Search("running dog", 10);

        const double K1 = 0.9, B = 0.4, AverageLength = 3.0;
        var idfRun = Math.Log(1 + ((3 - 2 + 0.5) / (2 + 0.5)));
        var idfDog = Math.Log(1 + ((3 - 1 + 0.5) / (1 + 0.5)));
        double Term(double idf, double tf, double dl) => idf * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * dl / AverageLength))));
        var expected = new[]
        {
            (Row: 2, Score: Term(idfDog, 1, 4)),
            (Row: 0, Score: Term(idfRun, 1, 2)),
            (Row: 1, Score: Term(idfRun, 1, 3)),
        }.OrderByDescending(e => e.Score).ToArray();

        Assert.Equal(expected.Select(e => e.Row), hits.Select(h => h.Row));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Score, hits[i].Score, 1e-6);
        }
    }

    [Fact]
    public void Search_RepeatedTermInDocument_UsesTermFrequencyAndLength()
    {
        var index = Bm25Index.Build(Corpus);

        var hits = index.Search("cat", 10, k1: 1.2, b: 0.75);

        var idf = Math.Log(1 + (0.5 / 3.5));
        double Term(double tf, double dl) => idf * tf * 2.2 / (tf + (1.2 * (0.25 + (0.75 * dl / 3.0))));
        Assert.Equal([2, 0, 1], hits.Select(h => h.Row));
        Assert.Equal(Term(2, 4), hits[0].Score, 1e-6);
        Assert.Equal(Term(1, 2), hits[1].Score, 1e-6);
        Assert.Equal(Term(1, 3), hits[2].Score, 1e-6);
    }

    [Fact]
    public void Search_RepeatedQueryTerm_CountsEachOccurrence()
    {
        var index = Bm25Index.Build(Corpus);

        var once = index.Search("bark", 10);
        var twice = index.Search("bark barking", 10);

        Assert.Equal(2 * once[0].Score, twice[0].Score, 1e-9);
    }

    [Fact]
    public void Search_NoMatchingTerm_ReturnsNothing()
    {
        var index = Bm25Index.Build(Corpus);

        Assert.Empty(index.Search("the and", 10));
        Assert.Empty(index.Search("zebra", 10));
    }

    [Fact]
    public void Idf_LuceneFormula_HandValues()
    {
        Assert.Equal(Math.Log(1 + (9.5 / 1.5)), Bm25Index.Idf(1, 10), 1e-12);
        Assert.Equal(Math.Log(1 + (0.5 / 10.5)), Bm25Index.Idf(10, 10), 1e-12);
    }
}
