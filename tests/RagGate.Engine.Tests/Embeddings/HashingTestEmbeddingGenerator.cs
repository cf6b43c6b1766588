using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RagGate.Engine.Embeddings;

namespace RagGate.Engine.Tests.Embeddings;

/// <summary>
/// TEST DOUBLE, not a model: a deterministic bag-of-words embedder for index, persistence, retrieval and
/// answering logic. Each lower-cased word adds to a dimension chosen by a stable hash of the word and the
/// vector is L2-normalized, so cosine similarity measures shared words. It never stands in for the default
/// path, which embeds with the ONNX models. It records whether each request asked for query or document embeddings.
/// </summary>
internal sealed partial class HashingTestEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "hashing-test";

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how",
        "i", "in", "is", "it", "my", "of", "on", "or", "the", "to", "what", "when", "with", "you", "your",
    ];

    private readonly int _dimensions;
    private readonly bool _contentWords;

    /// <summary>Every word counts, with a sign from the hash (spreads collisions), in <paramref name="dimensions"/> dimensions.</summary>
    public HashingTestEmbeddingGenerator(int dimensions = 64)
        : this(dimensions, contentWords: false)
    {
    }

    private HashingTestEmbeddingGenerator(int dimensions, bool contentWords)
    {
        _dimensions = dimensions;
        _contentWords = contentWords;
    }

    /// <summary>
    /// Only content words (letters and digits, stop words dropped) count, each +1, in 1024 dimensions: unrelated
    /// texts score near 0, so a test that expects a refusal or a citation fails when the answerer mis-selects.
    /// </summary>
    public static HashingTestEmbeddingGenerator ContentWords() => new(1024, contentWords: true);

    public List<(IReadOnlyList<string> Values, bool IsQuery)> Requests { get; } = [];

    public int QueryRequests => Requests.Count(r => r.IsQuery);

    public int DocumentTexts => Requests.Where(r => !r.IsQuery).Sum(r => r.Values.Count);

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        Requests.Add((texts, EmbeddingInput.IsQuery(options)));
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(Embed(t)))));
    }

    public float[] Embed(string text)
    {
        var vector = new float[_dimensions];
        var words = _contentWords ? LettersAndDigits().Matches(text.ToLowerInvariant()) : Word().Matches(text.ToLowerInvariant());
        foreach (Match word in words)
        {
            if (_contentWords && StopWords.Contains(word.Value))
                continue;
            var hash = Fnv1a(word.Value);
            vector[(int)(hash % (uint)_dimensions)] += _contentWords || (hash & 0x8000_0000) == 0 ? 1 : -1;
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
            TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata)
            ? new EmbeddingGeneratorMetadata("hashing", null, ModelId, _dimensions)
            : null;

    public void Dispose()
    {
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return hash;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex LettersAndDigits();
}
