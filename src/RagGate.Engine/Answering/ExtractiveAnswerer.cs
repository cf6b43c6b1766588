using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using RagGate.Engine.Embeddings;
using RagGate.Evaluation.Targets;

namespace RagGate.Engine.Answering;

/// <summary>
/// The default answerer, for when no generative model is available: it quotes the context
/// sentences closest to the question, each followed by its <c>[doc-id]</c> citation, and answers
/// with the refusal sentence when no sentence clears <see cref="AnswerOptions.MinRelevance"/>.
/// Usage counts the prompt that would be sent to the configured generation model.
/// </summary>
public sealed class ExtractiveAnswerer : IAnswerer
{
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
        var candidates = Candidates(context.Documents);
        var picked = candidates.Count == 0 ? [] : await PickAsync(query, candidates, cancellationToken);
        var refused = picked.Count == 0;
        var text = refused ? Options.Refusal : string.Join(" ", picked.Select(s => $"{s.Text} [{s.DocumentId}]"));
        var citations = picked.Select(s => s.DocumentId).Distinct(StringComparer.Ordinal).ToList();
        var usage = new TokenUsage(_preparer.Counter.CountChat(prompt), _preparer.Counter.Count(text), context.Tokens);
        return new Answer(text, citations, refused, context.Text, context.Tokens, usage);
    }

    private static List<Candidate> Candidates(IReadOnlyList<RetrievedDocument> documents)
    {
        var candidates = new List<Candidate>();
        for (var d = 0; d < documents.Count; d++)
        {
            var sentences = SentenceSplitter.Split(documents[d].Text);
            for (var s = 0; s < sentences.Count; s++)
                candidates.Add(new Candidate(documents[d].Id, d, s, sentences[s]));
        }

        return candidates;
    }

    private async Task<List<Candidate>> PickAsync(string query, List<Candidate> candidates, CancellationToken cancellationToken)
    {
        var queryVector = (await _embeddings.GenerateAsync([query], EmbeddingInput.Query, cancellationToken))[0].Vector;
        var vectors = await _embeddings.GenerateAsync(candidates.Select(c => c.Text), options: null, cancellationToken);
        var scored = candidates
            .Select((candidate, i) => (Candidate: candidate, Similarity: TensorPrimitives.CosineSimilarity(queryVector.Span, vectors[i].Vector.Span)))
            // NaN (an all-zero vector) never clears the threshold.
            .Where(x => x.Similarity >= Options.MinRelevance)
            .OrderByDescending(x => x.Similarity)
            .ThenBy(x => x.Candidate.DocumentIndex)
            .ThenBy(x => x.Candidate.SentenceIndex);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. scored
            // Near-duplicate documents repeat sentences; quote each only once.
            .Where(x => seen.Add(x.Candidate.Text))
            .Take(Options.MaxSentences)
            .Select(x => x.Candidate)
            // Read as the documents read: by rank, then in document order.
            .OrderBy(c => c.DocumentIndex)
            .ThenBy(c => c.SentenceIndex)];
    }

    private sealed record Candidate(string DocumentId, int DocumentIndex, int SentenceIndex, string Text);
}
