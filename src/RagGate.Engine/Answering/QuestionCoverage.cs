using RagGate.Engine.Indexing;

namespace RagGate.Engine.Answering;

/// <summary>
/// How much of a question's content a document's text contains: the share of the question's
/// distinct terms (Lucene English analysis, as BM25 indexes them) found in the text, each term
/// weighted by its inverse document frequency in the corpus, so a rare word ("Kindle", "HIPAA")
/// counts for more than a common one ("account").
/// </summary>
/// <remarks>
/// Similarity of embeddings alone cannot tell a question a nearby article answers from one it does
/// not: "Is there a Quillbox app for Apple Watch?" is as close to the apps article as a real
/// question about it. The word the article lacks ("watch") is what a support agent notices.
/// </remarks>
internal sealed class QuestionCoverage(Func<string, double>? termWeight)
{
    private readonly Func<string, double> _weight = termWeight ?? (_ => 1.0);

    /// <summary>The question's distinct terms, as <see cref="Share"/> takes them.</summary>
    public static IReadOnlyList<string> Terms(string question) => [.. EnglishTerms.Analyze(question).Distinct(StringComparer.Ordinal)];

    /// <summary>The weighted share, from 0 to 1, of <paramref name="questionTerms"/> that occur in <paramref name="text"/>; 0 when the question has no terms.</summary>
    public double Share(IReadOnlyList<string> questionTerms, string text)
    {
        var total = questionTerms.Sum(_weight);
        if (!(total > 0))
            return 0;
        var present = EnglishTerms.Analyze(text).ToHashSet(StringComparer.Ordinal);
        return questionTerms.Where(present.Contains).Sum(_weight) / total;
    }
}
