using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Answering;

/// <summary>
/// The extractive answerer's scores without an embedding model (a BM25-only config): each similarity
/// of <see cref="DocumentScore"/> (the document's, its title's, each sentence's) is the cosine of
/// IDF-weighted term vectors (<see cref="TermVector"/>), with terms analyzed as BM25 analyzes them,
/// so the answerer reads the question as the retriever did. Question coverage is the same as with embeddings.
/// </summary>
internal static class LexicalPassageScorer
{
    /// <summary>The sentence and document scores of one context; null when no document has a sentence.</summary>
    /// <param name="query">The question.</param>
    /// <param name="documents">The context's documents, best first.</param>
    /// <param name="titled">Each document's title and text, as the index holds it.</param>
    /// <param name="passages">Each document's text parsed into quotable units.</param>
    /// <param name="coverage">The question coverage, weighted as <paramref name="weight"/> weighs.</param>
    /// <param name="weight">An analyzed term's weight: its inverse document frequency in the corpus.</param>
    /// <param name="maxUnits">The most units a passage quotes.</param>
    public static (SentenceScores Sentences, DocumentScore?[] Documents)? Score(
        string query, IReadOnlyList<RetrievedDocument> documents, IReadOnlyList<string> titled, List<PassageText> passages,
        QuestionCoverage coverage, Func<string, double> weight, int maxUnits)
    {
        var sentences = passages.SelectMany(p => p.Units).SelectMany(u => u.Sentences).Distinct(StringComparer.Ordinal).ToList();
        if (sentences.Count == 0)
            return null;
        var question = TermVector.Of(query, weight);
        var vectors = sentences.ToDictionary(s => s, s => TermVector.Of(s, weight), StringComparer.Ordinal);
        var scores = new SentenceScores(
            passages, sentences, s => (float)question.Cosine(vectors[s]), (a, b) => (float)vectors[a].Cosine(vectors[b]));
        var terms = QuestionCoverage.Terms(query);
        var documentScores = new DocumentScore?[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            if (scores.BestPassage(d, passages[d], maxUnits) is not { } window)
                continue;
            var title = string.IsNullOrWhiteSpace(documents[d].Title) ? 0 : question.Cosine(TermVector.Of(documents[d].Title!, weight));
            var similarity = question.Cosine(TermVector.Of(titled[d], weight));
            documentScores[d] = new DocumentScore(similarity, title, window.Mean, window.Anchor, coverage.Share(terms, titled[d]));
        }

        return documentScores.Any(s => s is not null) ? (scores, documentScores) : null;
    }
}
