using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RagGate.Engine.Embeddings.Quantization;

namespace RagGate.Engine.Embeddings;

/// <summary>
/// Gives the int8 model of a catalog model: read from the model folder beside the embedding cache
/// when a verified copy is there, else built from the fp32 model, checked against it, and saved.
/// A copy is named by the fp32 model's hash and the rewrite version, and trusted only when its
/// SHA-256 matches the stamp written after it passed the check.
/// </summary>
internal static class Int8ModelStore
{
    // Measured on MiniLM: 0.990-0.996 for sentences, 0.965 for the two-letter "ok" (a few tokens give
    // the per-tensor activation quantization the least to average over). The floor catches a broken
    // rewrite (a wrong fusion gives cosines far below it), not the ordinary int8 error.
    /// <summary>Least cosine between an int8 and an fp32 vector of the check sample for the int8 model to be used.</summary>
    public const float CosineFloor = 0.95f;

    /// <summary>The int8 model's bytes; throws when the built model fails the check against fp32.</summary>
    public static byte[] GetOrBuild(EmbeddingModelInfo model, string modelHash, WordPieceTokenizer tokenizer, string? folder, int threads)
    {
        var path = folder is null ? null : Path.Combine(folder, $"{model.Id}-{modelHash[..16]}-{Int8ModelBuilder.Version}.onnx");
        if (path is not null && TryRead(path) is { } cached)
        {
            return cached;
        }

        var fp32 = EmbeddingModelResources.LoadModel(model);
        var (bytes, _) = Int8ModelBuilder.Build(fp32, model.OutputName);
        var cosine = Int8ModelCheck.MinimumCosine(model, tokenizer, fp32, bytes, threads);
        if (cosine < CosineFloor)
        {
            throw new InvalidOperationException(
                $"the int8 build of {model.Id} gave a cosine of {cosine:F4} to fp32 on the check sample, under the floor {CosineFloor}; use precision fp32");
        }

        if (path is not null)
        {
            Write(path, bytes, cosine);
        }

        return bytes;
    }

    private static byte[]? TryRead(string path)
    {
        var stampPath = path + ".sha256";
        if (!File.Exists(path) || !File.Exists(stampPath))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var stamp = File.ReadAllText(stampPath).Split(' ', 2)[0];
        return string.Equals(stamp, Convert.ToHexStringLower(SHA256.HashData(bytes)), StringComparison.Ordinal) ? bytes : null;
    }

    // Model first, stamp last, each through a rename: a stamp exists only for a complete, checked model.
    private static void Write(string path, byte[] bytes, float cosine)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stamp = $"{Convert.ToHexStringLower(SHA256.HashData(bytes))} min-cosine {cosine.ToString("F5", CultureInfo.InvariantCulture)}\n";
        WriteAtomic(path, bytes);
        WriteAtomic(path + ".sha256", Encoding.UTF8.GetBytes(stamp));
    }

    private static void WriteAtomic(string path, byte[] bytes)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
