using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using RagGate.Engine.Chunking;
using RagGate.Evaluation;

namespace RagGate.Engine.Indexing;

/// <summary>Loads an index folder and refuses one that is mismatched, truncated or corrupted.</summary>
internal static class IndexReader
{
    private const string Rebuild = "rebuild it with raggate index";

    public static async Task<RagIndex> LoadAsync(string directory, string? expectedModelId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw InputException.At(directory, null, "not found; expected an index folder written by raggate index");
        }

        var manifest = await ReadManifestAsync(directory, ct);
        CheckModel(directory, manifest, expectedModelId);
        var bytes = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in IndexFiles.DataFiles(manifest.Vectors))
        {
            bytes[name] = await ReadAsync(Path.Combine(directory, name), ct);
        }

        var vectors = bytes.TryGetValue(IndexFiles.Vectors, out var fp32Bytes)
            ? ReadVectors(Path.Combine(directory, IndexFiles.Vectors), fp32Bytes, manifest)
            : null;
        var int8 = bytes.TryGetValue(IndexFiles.Int8Vectors, out var int8Bytes)
            ? ReadInt8Vectors(Path.Combine(directory, IndexFiles.Int8Vectors), int8Bytes, manifest, vectors)
            : null;
        VerifyChecksums(directory, manifest, bytes);
        var documents = ReadLines(Path.Combine(directory, IndexFiles.Documents), bytes[IndexFiles.Documents],
            IndexJsonContext.Default.DocumentRecord).Select(d => new IndexedDocument(d.Id, d.Title)).ToList();
        var records = ReadLines(Path.Combine(directory, IndexFiles.Chunks), bytes[IndexFiles.Chunks], IndexJsonContext.Default.ChunkRecord);
        CheckCounts(directory, manifest, documents.Count, records.Count, vectors?.Count ?? int8!.Count);
        var rows = records.Select(r => r.Document).ToArray();
        var chunks = records.Select(r => new Chunk(documents[r.Document].Id, r.Ordinal, r.Start, r.End, r.Text)).ToList();
        var bm25 = Bm25IndexFile.Read(bytes[IndexFiles.Bm25], Path.Combine(directory, IndexFiles.Bm25), records.Count);
        return new RagIndex(manifest, documents, chunks, rows, vectors, int8, bm25);
    }

    private static async Task<IndexManifest> ReadManifestAsync(string directory, CancellationToken ct)
    {
        var path = Path.Combine(directory, IndexFiles.Manifest);
        IndexManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize(await ReadAsync(path, ct), IndexJsonContext.Default.IndexManifest);
        }
        catch (JsonException ex)
        {
            throw new InputException($"{path}: malformed JSON; expected an index manifest, {Rebuild}", ex);
        }

        if (manifest is null || manifest.Kind != "raggate-index")
        {
            throw InputException.At(path, "kind", $"expected 'raggate-index'; {Rebuild}");
        }

        if (manifest.FormatVersion != IndexManifest.CurrentFormatVersion)
        {
            throw InputException.At(path, "formatVersion",
                $"expected {IndexManifest.CurrentFormatVersion}, found {manifest.FormatVersion}; {Rebuild}");
        }

        if (!Enum.IsDefined(manifest.Vectors))
        {
            throw InputException.At(path, "vectors", $"expected Fp32, Int8 or Int8Rescore, found {(int)manifest.Vectors}; {Rebuild}");
        }

        return manifest;
    }

    private static void CheckModel(string directory, IndexManifest manifest, string? expectedModelId)
    {
        if (expectedModelId is not null && !string.Equals(manifest.ModelId, expectedModelId, StringComparison.Ordinal))
        {
            throw InputException.At(Path.Combine(directory, IndexFiles.Manifest), "modelId",
                $"the index was built with model '{manifest.ModelId}', expected '{expectedModelId}'; {Rebuild} --model {expectedModelId}");
        }
    }

    private static VectorIndex ReadVectors(string path, byte[] bytes, IndexManifest manifest)
    {
        // An index built for BM25 only holds the header and no vectors.
        if (manifest.Dimensions == 0 && bytes.Length == IndexFiles.VectorHeaderSize && bytes.AsSpan(0, 8).SequenceEqual(IndexFiles.VectorMagic)
            && BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12)) == 0 && BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(16)) == 0)
        {
            return VectorIndex.None;
        }

        var (rows, dimensions) = CheckHeader(path, bytes, IndexFiles.VectorMagic, manifest, bytesPerRow: manifest.Dimensions * sizeof(float), extra: 0);
        var floats = new float[rows * dimensions];
        var body = bytes.AsSpan(IndexFiles.VectorHeaderSize);
        if (BitConverter.IsLittleEndian)
        {
            body.CopyTo(MemoryMarshal.AsBytes(floats.AsSpan()));
        }
        else
        {
            for (var i = 0; i < floats.Length; i++)
            {
                floats[i] = BinaryPrimitives.ReadSingleLittleEndian(body[(i * sizeof(float))..]);
            }
        }

        return new VectorIndex(floats, dimensions);
    }

    private static Int8VectorIndex ReadInt8Vectors(string path, byte[] bytes, IndexManifest manifest, VectorIndex? fp32)
    {
        var (rows, dimensions) = CheckHeader(path, bytes, IndexFiles.Int8VectorMagic, manifest, bytesPerRow: manifest.Dimensions,
            extra: (long)manifest.Dimensions * sizeof(float));
        var scales = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            scales[d] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(IndexFiles.VectorHeaderSize + (d * sizeof(float))));
        }

        var codes = new sbyte[rows * dimensions];
        bytes.AsSpan(IndexFiles.VectorHeaderSize + (dimensions * sizeof(float))).CopyTo(MemoryMarshal.AsBytes(codes.AsSpan()));
        return Int8VectorIndex.FromCodes(codes, scales, fp32);
    }

    // Both vector files start with a magic, the format version, dimensions and rows; extra is what sits between header and rows.
    private static (long Rows, int Dimensions) CheckHeader(string path, byte[] bytes, ReadOnlySpan<byte> magic, IndexManifest manifest, long bytesPerRow, long extra)
    {
        if (bytes.Length < IndexFiles.VectorHeaderSize || !bytes.AsSpan(0, 8).SequenceEqual(magic))
        {
            throw InputException.At(path, null, $"not a RagGate vector file (bad header); the index is corrupted, {Rebuild}");
        }

        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        var rows = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(16));
        if (dimensions != manifest.Dimensions || dimensions <= 0 || rows != manifest.ChunkCount)
        {
            throw InputException.At(path, null,
                $"holds {rows} {dimensions}-d vectors, the manifest says {manifest.ChunkCount} {manifest.Dimensions}-d; the index is corrupted, {Rebuild}");
        }

        var expected = IndexFiles.VectorHeaderSize + extra + (rows * bytesPerRow);
        if (bytes.Length != expected)
        {
            throw InputException.At(path, null,
                $"{(bytes.Length < expected ? "truncated" : "too long")}: expected {expected} bytes, found {bytes.Length}; the index is corrupted, {Rebuild}");
        }

        return (rows, dimensions);
    }

    private static void VerifyChecksums(string directory, IndexManifest manifest, Dictionary<string, byte[]> bytes)
    {
        foreach (var name in IndexFiles.DataFiles(manifest.Vectors))
        {
            if (!manifest.Files.TryGetValue(name, out var expected) || IndexFiles.Hash(bytes[name]) != expected)
            {
                throw InputException.At(Path.Combine(directory, name), null, $"checksum mismatch; the index is corrupted, {Rebuild}");
            }
        }

        if (IndexFiles.ContentHash(manifest.Files, manifest.Vectors) != manifest.Checksum)
        {
            throw InputException.At(Path.Combine(directory, IndexFiles.Manifest), "checksum",
                $"checksum mismatch; the index is corrupted, {Rebuild}");
        }
    }

    private static void CheckCounts(string directory, IndexManifest manifest, int documents, int chunks, int vectors)
    {
        var vectorsFit = vectors == chunks || (vectors == 0 && manifest.Dimensions == 0);
        if (documents != manifest.DocumentCount || chunks != manifest.ChunkCount || !vectorsFit)
        {
            throw InputException.At(Path.Combine(directory, IndexFiles.Manifest), null,
                $"counts disagree ({documents} documents, {chunks} chunks, {vectors} vectors); the index is corrupted, {Rebuild}");
        }
    }

    private static List<T> ReadLines<T>(string path, byte[] bytes, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var result = new List<T>();
        var lineNumber = 0;
        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                result.Add(JsonSerializer.Deserialize(line, type) ?? throw new JsonException("null"));
            }
            catch (JsonException ex)
            {
                throw new InputException($"{path}:{lineNumber}: malformed JSON; the index is corrupted, {Rebuild}", ex);
            }
        }

        return result;
    }

    private static async Task<byte[]> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException($"{path}: not found; the index is incomplete, {Rebuild}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot be read ({ex.Message.TrimEnd('.')})", ex);
        }
    }
}
