using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
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

    /// <summary>
    /// SHA-256 hex of the ONNX file, hashed once per process as it streams from the package assembly;
    /// with <paramref name="stampDirectory"/>, once per build of that assembly (see <see cref="StampPath"/>).
    /// </summary>
    public static string Hash(EmbeddingModelInfo model, string? stampDirectory = null) => Hashes.GetOrAdd(model.ModelResourceName, _ =>
    {
        var stamp = stampDirectory is null ? null : StampPath(model, stampDirectory);
        if (stamp is not null && ReadStamp(stamp) is { } known)
        {
            return known;
        }

        using var stream = Open(model, model.ModelResourceName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (stamp is not null)
        {
            WriteStamp(stamp, hash);
        }

        return hash;
    });

    /// <summary>
    /// Where the model's hash is kept between runs: named by the package assembly's MVID and file
    /// length, so the 90 MB model is hashed once per build of its package, not at every start (about
    /// 0.1 s of CPU). The compiler gives every compilation a new MVID (a deterministic build derives
    /// it from the content), so another package version, or the same package rebuilt with another
    /// model, is another name and is hashed afresh. What this cannot see is an in-place edit of the
    /// assembly's bytes that keeps both its MVID and its length; no build or package tool makes one.
    /// Null when the assembly is not a plain file.
    /// </summary>
    internal static string? StampPath(EmbeddingModelInfo model, string stampDirectory)
    {
        var assembly = Assembly.Load(new AssemblyName(model.ResourceAssembly));
        if (string.IsNullOrEmpty(assembly.Location) || !File.Exists(assembly.Location)) return null;
        var length = new FileInfo(assembly.Location).Length;
        var resource = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(model.ModelResourceName)))[..16];
        return Path.Combine(stampDirectory, $"{model.ResourceAssembly}-{assembly.ManifestModule.ModuleVersionId:N}-{length}-{resource}.sha256");
    }

    private static string? ReadStamp(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            // Anything but 64 lowercase hex digits (a torn or edited stamp) is recomputed.
            return text.Length == 64 && text.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)) ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void WriteStamp(string path, string hash)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            RagGate.Evaluation.IO.AtomicFile.WriteBytes(path, System.Text.Encoding.ASCII.GetBytes(hash + "\n"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cache only means hashing again next time.
        }
    }

    /// <summary>Drops memoized hashes, so a benchmark's second run in one process pays what a new process pays.</summary>
    internal static void ForgetHashes() => Hashes.Clear();

    private static Stream Open(EmbeddingModelInfo model, string resourceName)
    {
        var assembly = Assembly.Load(new AssemblyName(model.ResourceAssembly));
        return OpenFromFile(assembly.Location, resourceName)
            ?? assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"{model.ResourceAssembly} has no resource '{resourceName}'; it has: "
                + string.Join(", ", assembly.GetManifestResourceNames()));
    }

    /// <summary>
    /// The resource's bytes read from the assembly file with ordinary reads. The runtime maps assemblies
    /// into memory, and every page of a 90 MB model read through GetManifestResourceStream stays in the
    /// process's resident set for its lifetime (measured: 89 MB of a served engine's 490 MB RSS at rest);
    /// pages read through a file stream sit in the shared page cache instead. Null when the assembly is
    /// not a plain file (single-file bundles), so the caller falls back to the mapped stream.
    /// </summary>
    private static Stream? OpenFromFile(string assemblyPath, string resourceName)
    {
        if (string.IsNullOrEmpty(assemblyPath) || !File.Exists(assemblyPath)) return null;
        using (var file = File.OpenRead(assemblyPath))
        using (var pe = new PEReader(file))
        {
            if (!pe.HasMetadata || pe.PEHeaders.CorHeader is not { } cor) return null;
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.ManifestResources)
            {
                var resource = metadata.GetManifestResource(handle);
                if (!resource.Implementation.IsNil || !metadata.StringComparer.Equals(resource.Name, resourceName)) continue;
                if (!pe.PEHeaders.TryGetDirectoryOffset(cor.ResourcesDirectory, out var directory)) return null;
                // ECMA-335 II.24.2.4: each resource is a 4-byte little-endian length followed by its bytes.
                var start = directory + resource.Offset;
                var stream = File.OpenRead(assemblyPath);
                stream.Position = start;
                Span<byte> prefix = stackalloc byte[4];
                stream.ReadExactly(prefix);
                return new FileSlice(stream, System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(prefix));
            }
        }

        return null;
    }
}
