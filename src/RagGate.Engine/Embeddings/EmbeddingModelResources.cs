using System.Reflection;
using System.Security.Cryptography;

namespace RagGate.Engine.Embeddings;

/// <summary>Reads a model's ONNX file and vocabulary from the embedded resources of its package.</summary>
internal static class EmbeddingModelResources
{
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

    public static string Hash(byte[] modelBytes) => Convert.ToHexStringLower(SHA256.HashData(modelBytes));

    private static Stream Open(EmbeddingModelInfo model, string resourceName)
    {
        var assembly = Assembly.Load(new AssemblyName(model.ResourceAssembly));
        return assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"{model.ResourceAssembly} has no resource '{resourceName}'; it has: "
                + string.Join(", ", assembly.GetManifestResourceNames()));
    }
}
