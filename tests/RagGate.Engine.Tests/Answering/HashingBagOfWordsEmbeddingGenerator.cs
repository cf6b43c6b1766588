using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RagGate.Engine.Embeddings;

namespace RagGate.Engine.Tests.Answering;

/// <summary>
/// TEST DOUBLE, not a model: a deterministic bag-of-words embedder. Each lower-cased word that is
/// not a stop word adds 1 to a dimension chosen by a stable hash of the word, and the vector is
/// L2-normalized, so cosine similarity measures shared words. Unrelated texts score near 0 and a
/// test that expects a refusal or a citation fails when the answerer mis-selects. It records
/// whether each request asked for query or document embeddings.
/// </summary>
internal sealed partial class HashingBagOfWordsEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int Dimensions = 1024;

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how",
        "i", "in", "is", "it", "my", "of", "on", "or", "the", "to", "what", "when", "with", "you", "your",
    ];

    public List<(IReadOnlyList<string> Values, bool IsQuery)> Requests { get; } = [];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = values.ToList();
        Requests.Add((list, EmbeddingInput.IsQuery(options)));
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(list.Select(v => new Embedding<float>(Embed(v)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() { }

    private static float[] Embed(string text)
    {
        var vector = new float[Dimensions];
        foreach (Match word in Word().Matches(text.ToLowerInvariant()))
        {
            if (!StopWords.Contains(word.Value))
                vector[Fnv1a(word.Value) % Dimensions] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return norm == 0 ? vector : [.. vector.Select(x => x / norm)];
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex Word();
}
