using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using RagGate.Engine.Embeddings;

namespace RagGate.Engine.Tests.Indexing;

/// <summary>
/// Test double: a deterministic bag-of-words embedder (each lowercased word hashed to a signed
/// dimension) for index, persistence and retrieval logic. It never stands in for the default
/// path, which embeds with the ONNX models.
/// </summary>
internal sealed partial class HashingTestEmbeddingGenerator(int dimensions = 64) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "hashing-test";

    public int QueryRequests { get; private set; }

    public int DocumentTexts { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        if (EmbeddingInput.IsQuery(options))
        {
            QueryRequests++;
        }
        else
        {
            DocumentTexts += texts.Count;
        }

        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(Embed(t)))));
    }

    public float[] Embed(string text)
    {
        var vector = new float[dimensions];
        foreach (Match word in Word().Matches(text.ToLowerInvariant()))
        {
            var hash = Fnv1a(word.Value);
            vector[(int)(hash % (uint)dimensions)] += (hash & 0x8000_0000) == 0 ? 1 : -1;
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata)
            ? new EmbeddingGeneratorMetadata("hashing", null, ModelId, dimensions)
            : null;

    public void Dispose()
    {
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
