using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using RagGate.Engine.Embeddings;
using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Answering;

/// <summary>
/// The default answerer, for when no generative model is available. It answers as a support agent
/// would: from the best-supported document it quotes one coherent passage (the paragraph or list
/// around the sentence closest to the question, and after an introduction the numbered steps, in
/// order), followed by its <c>[doc-id]</c>; it adds one sentence from a second document only when
/// that sentence is as relevant and says something the passage does not. It refuses when no
/// context document is similar enough to the question (<see cref="AnswerOptions.MinRelevance"/>,
/// the cosine of the question and the document's text). Usage counts the prompt that would be
/// sent to the configured generation model.
/// </summary>
/// <remarks>
/// The refusal signal is the whole document's similarity, not the best sentence's: on the sample's
/// tuning split the best sentence separates answerable from unanswerable questions with balanced
/// accuracy 0.83 at best, the document 0.90. A single sentence of a nearby article often shares
/// the question's words (a pen-case question meets the pen warranty) while the article as a whole
/// is about something else.
/// </remarks>
public sealed class ExtractiveAnswerer : IAnswerer
{
    // A second source must score within this much of the best sentence to be worth adding...
    private const float SecondSourceMargin = 0.05f;

    // ...and must not restate the passage: sentences above this similarity to a quoted one add nothing.
    private const float RestatementSimilarity = 0.8f;

    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly AnswerPreparer _preparer;

    /// <summary>Creates the answerer over a sentence embedding generator.</summary>
    public ExtractiveAnswerer(IEmbeddingGenerator<string, Embedding<float>> embeddings, AnswerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        _preparer = new AnswerPreparer(options);
        _embeddings = embeddings;
    }

    /// <inheritdoc />
    public string Name => AnswererNames.Extractive;

    /// <summary>The options in force.</summary>
    public AnswerOptions Options => _preparer.Options;

    /// <inheritdoc />
    public async Task<Answer> AnswerAsync(string query, IReadOnlyList<RetrievedDocument> documents, CancellationToken cancellationToken = default)
    {
        var (context, prompt) = _preparer.Prepare(query, documents);
        var passages = context.Documents.Select(d => PassageText.Parse(d.Text)).ToList();
        var scores = await ScoreAsync(query, context.Documents, passages, cancellationToken);
        var best = scores?.Best();
        var support = scores?.DocumentSupport;
        var refused = best is null || !(support >= Options.MinRelevance);
        var (text, citations) = refused
            ? (Options.Refusal, [])
            : Compose(context.Documents, passages, scores!, best!.Value);
        var usage = new TokenUsage(_preparer.Counter.CountChat(prompt), _preparer.Counter.Count(text), context.Tokens);
        return new Answer(text, citations, refused, context.Text, context.Tokens, usage) { Support = support };
    }

    private (string Text, IReadOnlyList<string> Citations) Compose(
        IReadOnlyList<RetrievedDocument> documents, List<PassageText> passages, SentenceScores scores, (int Document, int Unit, float Score) best)
    {
        var passage = passages[best.Document];
        var quoted = PassageSelector.Select(passage, best.Unit, Options.MaxSentences);
        var text = PassageSelector.Render(passage, quoted) + $" [{documents[best.Document].Id}]";
        var citations = new List<string> { documents[best.Document].Id };
        var quotedSentences = quoted.SelectMany(u => passage.Units[u].Sentences).ToList();
        var second = scores.BestOutside(best.Document, best.Score - SecondSourceMargin);
        if (second is { } extra && !scores.Restates(passages[extra.Document].Units[extra.Unit], quotedSentences, RestatementSimilarity))
        {
            text += $"\n{passages[extra.Document].Units[extra.Unit].Quote} [{documents[extra.Document].Id}]";
            citations.Add(documents[extra.Document].Id);
        }

        return (text, citations);
    }

    private async Task<SentenceScores?> ScoreAsync(
        string query, IReadOnlyList<RetrievedDocument> documents, List<PassageText> passages, CancellationToken cancellationToken)
    {
        var sentences = passages.SelectMany(p => p.Units).SelectMany(u => u.Sentences).Distinct(StringComparer.Ordinal).ToList();
        if (sentences.Count == 0)
            return null;
        var queryVector = (await _embeddings.GenerateAsync([query], EmbeddingInput.Query, cancellationToken))[0].Vector;
        // Sentences and whole documents in one request; both are document-side texts.
        var texts = sentences.Concat(documents.Select(d => d.Text)).ToList();
        var vectors = await _embeddings.GenerateAsync(texts, options: null, cancellationToken);
        var byText = new Dictionary<string, ReadOnlyMemory<float>>(StringComparer.Ordinal);
        for (var i = 0; i < sentences.Count; i++)
            byText[sentences[i]] = vectors[i].Vector;
        var documentSupport = Enumerable.Range(sentences.Count, documents.Count)
            .Select(i => TensorPrimitives.CosineSimilarity(queryVector.Span, vectors[i].Vector.Span))
            .Where(float.IsFinite)
            .DefaultIfEmpty(float.NegativeInfinity)
            .Max();
        return new SentenceScores(passages, byText, text => TensorPrimitives.CosineSimilarity(queryVector.Span, byText[text].Span))
        {
            DocumentSupport = documentSupport,
        };
    }
}
