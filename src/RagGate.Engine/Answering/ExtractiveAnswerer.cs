using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using RagGate.Engine.Embeddings;
using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Answering;

/// <summary>
/// The default answerer, for when no generative model is available. It answers as a support agent
/// would: it chooses the best-supported document (the retriever's similarity, the title's and the
/// best passage's, see <see cref="DocumentScore"/>) and quotes one coherent passage of it (the
/// paragraph or list around its best pair of sentences, and after an introduction the numbered
/// steps, in order), followed by its <c>[doc-id]</c>; it adds one sentence from a second document
/// only when that document is nearly as well supported and the sentence says something the passage
/// does not. It refuses when no context document supports the question enough
/// (<see cref="AnswerOptions.MinRelevance"/> against <see cref="DocumentScore.Support"/>). Usage
/// counts the prompt that would be sent to the configured generation model. Without an embedding
/// model (a BM25-only config) every similarity is the cosine of IDF-weighted term vectors instead
/// (<see cref="LexicalPassageScorer"/>), and the same choice, passage and refusal rules apply.
/// </summary>
/// <remarks>
/// The document holding the single best sentence is often the wrong one: for "How do I reset my
/// password?" it is the account-locked article ("Reset your password with Forgot password?"), and
/// the document most similar as a whole is change-password. Both were measured on the sample's
/// tuning split before <see cref="DocumentScore.Choice"/> replaced them.
/// </remarks>
public sealed class ExtractiveAnswerer : IAnswerer
{
    // A second document must be chosen nearly as readily as the first to be worth quoting...
    private const double SecondSourceMargin = 0.05;

    // ...and must not restate the passage: sentences above this similarity to a quoted one add nothing.
    private const float RestatementSimilarity = 0.8f;

    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embeddings;
    private readonly AnswerPreparer _preparer;
    private readonly Func<string, double> _termWeight;
    private readonly QuestionCoverage _coverage;

    /// <summary>
    /// Creates the answerer over a sentence embedding generator, or with none (null) to score passages
    /// by their terms. <paramref name="termWeight"/> weighs an analyzed term by its rarity in the corpus
    /// (the index's IDF); every term weighs the same without it.
    /// </summary>
    public ExtractiveAnswerer(
        IEmbeddingGenerator<string, Embedding<float>>? embeddings, AnswerOptions? options = null, Func<string, double>? termWeight = null)
    {
        _preparer = new AnswerPreparer(options);
        _embeddings = embeddings;
        _termWeight = termWeight ?? (_ => 1.0);
        _coverage = new QuestionCoverage(termWeight);
    }

    /// <summary>True when passages are scored with embeddings; false when by their terms alone.</summary>
    public bool UsesEmbeddings => _embeddings is not null;

    /// <inheritdoc />
    public string Name => AnswererNames.Extractive;

    /// <summary>The options in force.</summary>
    public AnswerOptions Options => _preparer.Options;

    /// <inheritdoc />
    public async Task<Answer> AnswerAsync(string query, IReadOnlyList<RetrievedDocument> documents, CancellationToken cancellationToken = default)
    {
        var (context, prompt) = _preparer.Prepare(query, documents);
        var passages = context.Documents.Select(d => PassageText.Parse(d.Text)).ToList();
        var scored = await ScoreAsync(query, context.Documents, passages, cancellationToken);
        var chosen = scored is null ? -1 : Choose(scored.Value.Documents);
        double? support = chosen < 0 ? null : scored!.Value.Documents.Max(d => d?.Support ?? double.NegativeInfinity);
        var refused = chosen < 0 || !(support >= Options.MinRelevance);
        var (text, citations) = refused
            ? (Options.Refusal, [])
            : Compose(context.Documents, passages, scored!.Value.Sentences, scored.Value.Documents, chosen);
        var usage = new TokenUsage(_preparer.Counter.CountChat(prompt), _preparer.Counter.Count(text), context.Tokens);
        return new Answer(text, citations, refused, context.Text, context.Tokens, usage) { Support = support };
    }

    // The best-chosen document with a quotable unit; -1 when none has one. The earlier (higher-ranked) wins a tie.
    private static int Choose(DocumentScore?[] documents)
    {
        var best = -1;
        for (var d = 0; d < documents.Length; d++)
        {
            if (documents[d] is { } score && (best < 0 || score.Choice > documents[best]!.Value.Choice))
                best = d;
        }

        return best;
    }

    private (string Text, IReadOnlyList<string> Citations) Compose(
        IReadOnlyList<RetrievedDocument> documents, List<PassageText> passages, SentenceScores sentences, DocumentScore?[] scores, int chosen)
    {
        var passage = passages[chosen];
        var quoted = PassageSelector.Select(passage, scores[chosen]!.Value.Anchor, Options.MaxSentences);
        var text = PassageSelector.Render(passage, quoted) + $" [{documents[chosen].Id}]";
        var citations = new List<string> { documents[chosen].Id };
        var quotedSentences = quoted.SelectMany(u => passage.Units[u].Sentences).ToList();
        var floor = scores[chosen]!.Value.Choice - SecondSourceMargin;
        var second = Enumerable.Range(0, scores.Length)
            .Where(d => d != chosen && scores[d] is { } s && s.Choice >= floor)
            .OrderByDescending(d => scores[d]!.Value.Choice)
            .Select(d => (Document: d, Unit: passages[d].Units[scores[d]!.Value.Anchor]))
            .FirstOrDefault(c => !sentences.Restates(c.Unit, quotedSentences, RestatementSimilarity));
        if (second.Unit is not null)
        {
            text += $"\n{second.Unit.Quote} [{documents[second.Document].Id}]";
            citations.Add(documents[second.Document].Id);
        }

        return (text, citations);
    }

    private async Task<(SentenceScores Sentences, DocumentScore?[] Documents)?> ScoreAsync(
        string query, IReadOnlyList<RetrievedDocument> documents, List<PassageText> passages, CancellationToken cancellationToken)
    {
        // Whole documents, titled as the index embeds them (and as BM25 indexes them).
        var titled = documents.Select(d => string.IsNullOrWhiteSpace(d.Title) ? d.Text : d.Title + " " + d.Text).ToList();
        if (_embeddings is null)
            return LexicalPassageScorer.Score(query, documents, titled, passages, _coverage, _termWeight, Options.MaxSentences);
        var sentences = passages.SelectMany(p => p.Units).SelectMany(u => u.Sentences).Distinct(StringComparer.Ordinal).ToList();
        if (sentences.Count == 0)
            return null;
        var queryVector = (await _embeddings.GenerateAsync([query], EmbeddingInput.Query, cancellationToken))[0].Vector;
        // Sentences, whole documents and titles in one request; all are document-side texts.
        var titles = documents.Where(d => !string.IsNullOrWhiteSpace(d.Title)).Select(d => d.Title!).Distinct(StringComparer.Ordinal).ToList();
        var texts = sentences.Concat(titled).Concat(titles).ToList();
        var vectors = await _embeddings.GenerateAsync(texts, options: null, cancellationToken);
        float Cosine(int i) => TensorPrimitives.CosineSimilarity(queryVector.Span, vectors[i].Vector.Span);
        var byText = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        for (var i = 0; i < sentences.Count; i++)
            byText[sentences[i]] = vectors[i].Vector;
        var titleSimilarity = titles.Select((t, i) => (t, Cosine(sentences.Count + titled.Count + i))).ToDictionary(x => x.t, x => (double)x.Item2, StringComparer.Ordinal);
        var scores = new SentenceScores(
            passages,
            byText.Keys,
            text => TensorPrimitives.CosineSimilarity(queryVector.Span, byText[text].Span),
            (a, b) => TensorPrimitives.CosineSimilarity(byText[a].Span, byText[b].Span));
        var terms = QuestionCoverage.Terms(query);
        var documentScores = new DocumentScore?[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            var similarity = Cosine(sentences.Count + d);
            if (scores.BestPassage(d, passages[d], Options.MaxSentences) is not { } window || !float.IsFinite(similarity))
                continue;
            var title = string.IsNullOrWhiteSpace(documents[d].Title) ? 0 : titleSimilarity[documents[d].Title!];
            documentScores[d] = new DocumentScore(similarity, Finite(title), window.Mean, window.Anchor, _coverage.Share(terms, titled[d]));
        }

        return documentScores.Any(s => s is not null) ? (scores, documentScores) : null;
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
