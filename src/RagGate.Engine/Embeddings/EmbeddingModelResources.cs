using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;

namespace RagGate.Engine.Embeddings;

/// <summary>Reads a model's ONNX file and vocabulary from the embedded resources of its package.</summary>
internal static class EmbeddingModelResources
{
    private static readonly ConcurrentDictionary<string, string> Hashes = new(StringComparer.Ordinal);

    public static byte[] LoadModel(EmbeddingModelInfo model)
    {
        using var stream = Open(model, model.ModelResourceName);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public static string LoadVocabulary(EmbeddingModelInfo model)
    {
        using var stream = Open(model, model.VocabularyResourceName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>SHA-256 hex of the ONNX file, hashed straight from the mapped resource (no copy) once per process.</summary>
    public static string Hash(EmbeddingModelInfo model) => Hashes.GetOrAdd(model.ModelResourceName, _ =>
    {
        using var stream = Open(model, model.ModelResourceName);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    });

    /// <summary>Drops memoized hashes, so a benchmark's second run in one process pays what a new process pays.</summary>
    internal static void ForgetHashes() => Hashes.Clear();

    private static Stream Open(EmbeddingModelInfo model, string resourceName)
    {
        var assembly = Assembly.Load(new AssemblyName(model.ResourceAssembly));
        return assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"{model.ResourceAssembly} has no resource '{resourceName}'; it has: "
                + string.Join(", ", assembly.GetManifestResourceNames()));
    }
}
