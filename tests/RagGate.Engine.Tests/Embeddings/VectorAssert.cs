using System.Numerics.Tensors;

namespace RagGate.Engine.Tests.Embeddings;

internal static class VectorAssert
{
    public static void Close(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    public static double Cosine(float[] a, float[] b) => TensorPrimitives.CosineSimilarity(a, b);

    /// <summary>A text of single-piece words, <paramref name="words"/> word pieces long.</summary>
    public static string Words(int words)
    {
        string[] vocabulary = ["the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "to", "house", "red"];
        return string.Join(' ', Enumerable.Range(0, words).Select(i => vocabulary[(i * 7) % vocabulary.Length]));
    }
}
