using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace RagGate.Evaluation.AnswerQuality;

/// <summary>
/// How much of an answer the retrieved context supports: the share of answer sentences that are
/// backed by the context, lexically (their content words appear in it) or semantically (a context
/// sentence is close in embedding space).
/// </summary>
public static class Groundedness
{
    /// <summary>Share of a sentence's content words that must appear in the context to count as supported.</summary>
    public const double LexicalCoverage = 0.8;

    /// <summary>Share of answer sentences whose content words (at least 80%) appear in the context; null for an empty answer.</summary>
    public static double? Lexical(string answer, string context)
    {
        var sentences = TextChecks.Sentences(TextChecks.StripCitations(answer));
        if (sentences.Count == 0) return null;
        var contextWords = TextChecks.ContentWords(context).ToHashSet(StringComparer.Ordinal);
        var supported = sentences.Count(sentence =>
        {
            var words = TextChecks.ContentWords(sentence).ToList();
            return words.Count == 0 || (double)words.Count(contextWords.Contains) / words.Count >= LexicalCoverage;
        });
        return (double)supported / sentences.Count;
    }

    /// <summary>
    /// Share of answer sentences whose best cosine similarity with a context sentence reaches
    /// <paramref name="threshold"/>; null for an empty answer or context.
    /// </summary>
    public static async Task<double?> SemanticAsync(
        string answer,
        string context,
        IEmbeddingGenerator<string, Embedding<float>> generator,
        double threshold,
        CancellationToken cancellationToken = default)
    {
        var answerSentences = TextChecks.Sentences(TextChecks.StripCitations(answer));
        var contextSentences = TextChecks.Sentences(context);
        if (answerSentences.Count == 0 || contextSentences.Count == 0) return null;

        var vectors = await generator.GenerateAsync([.. answerSentences, .. contextSentences], cancellationToken: cancellationToken);
        var supported = 0;
        for (var i = 0; i < answerSentences.Count; i++)
        {
            var best = double.NegativeInfinity;
            for (var j = 0; j < contextSentences.Count; j++)
            {
                best = Math.Max(best, TensorPrimitives.CosineSimilarity(vectors[i].Vector.Span, vectors[answerSentences.Count + j].Vector.Span));
            }

            if (best >= threshold) supported++;
        }

        return (double)supported / answerSentences.Count;
    }
}
