using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RagGate.Engine.Chunking;

namespace RagGate.Engine.Indexing;

/// <summary>The data files of a saved index, their byte layout and their checksums.</summary>
internal static class IndexFiles
{
    public const string Manifest = "manifest.json";
    public const string Documents = "documents.jsonl";
    public const string Chunks = "chunks.jsonl";
    public const string Vectors = "vectors.bin";
    public const string Bm25 = "bm25.bin";
    public const string Int8Vectors = "vectors.i8";

    // fp32 indexes keep exactly the files (and so the content hash) they had before int8 storage existed.
    private static readonly string[] Fp32Files = [Documents, Chunks, Vectors, Bm25];
    private static readonly string[] Int8Files = [Documents, Chunks, Int8Vectors, Bm25];
    private static readonly string[] Int8RescoreFiles = [Documents, Chunks, Vectors, Int8Vectors, Bm25];

    /// <summary>The data files of an index with <paramref name="storage"/>, in the order their hashes enter the content hash.</summary>
    public static IReadOnlyList<string> DataFiles(VectorStorage storage) => storage switch
    {
        VectorStorage.Int8 => Int8Files,
        VectorStorage.Int8Rescore => Int8RescoreFiles,
        _ => Fp32Files,
    };

    /// <summary>"RAGGI8V" and a zero byte, then int32 version, int32 dimensions, int64 rows; little-endian.</summary>
    public static ReadOnlySpan<byte> Int8VectorMagic => "RAGGI8V\0"u8;

    /// <summary>"RAGGVEC" and a zero byte, then int32 version, int32 dimensions, int64 rows; little-endian.</summary>
    public static ReadOnlySpan<byte> VectorMagic => "RAGGVEC\0"u8;

    public const int VectorHeaderSize = 24;

    public static byte[] WriteDocuments(IReadOnlyList<IndexedDocument> documents) =>
        WriteLines(documents, d => JsonSerializer.SerializeToUtf8Bytes(new DocumentRecord(d.Id, d.Title), IndexJsonContext.Default.DocumentRecord));

    public static byte[] WriteChunks(IReadOnlyList<Chunk> chunks, IReadOnlyList<int> documentRows) =>
        WriteLines(Enumerable.Range(0, chunks.Count).ToList(), i => JsonSerializer.SerializeToUtf8Bytes(
            new ChunkRecord(documentRows[i], chunks[i].Ordinal, chunks[i].Start, chunks[i].End, chunks[i].Text),
            IndexJsonContext.Default.ChunkRecord));

    public static byte[] WriteVectors(VectorIndex vectors)
    {
        var data = vectors.Data;
        var bytes = new byte[VectorHeaderSize + ((long)data.Length * sizeof(float))];
        VectorMagic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), IndexManifest.CurrentFormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), vectors.Dimensions);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16), vectors.Count);
        var body = bytes.AsSpan(VectorHeaderSize);
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(data).CopyTo(body);
        }
        else
        {
            for (var i = 0; i < data.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(body[(i * sizeof(float))..], data[i]);
            }
        }

        return bytes;
    }

    /// <summary>
    /// <c>vectors.i8</c>: the header of <c>vectors.bin</c> under its own magic, one fp32 scale per
    /// dimension, then the int8 codes row after row.
    /// </summary>
    public static byte[] WriteInt8Vectors(Int8VectorIndex vectors)
    {
        var codes = vectors.Codes;
        var scales = vectors.Scales;
        var bytes = new byte[VectorHeaderSize + ((long)scales.Length * sizeof(float)) + codes.Length];
        Int8VectorMagic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), IndexManifest.CurrentFormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), vectors.Dimensions);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16), vectors.Count);
        for (var d = 0; d < scales.Length; d++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(VectorHeaderSize + (d * sizeof(float))), scales[d]);
        }

        MemoryMarshal.AsBytes(codes).CopyTo(bytes.AsSpan(VectorHeaderSize + (scales.Length * sizeof(float))));
        return bytes;
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The content hash: SHA-256 over each data file's name and hash, in a fixed order.</summary>
    public static string ContentHash(IReadOnlyDictionary<string, string> fileHashes, VectorStorage storage)
    {
        var builder = new StringBuilder();
        foreach (var name in DataFiles(storage))
        {
            builder.Append(name).Append(' ').Append(fileHashes[name]).Append('\n');
        }

        return Hash(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    private static byte[] WriteLines<T>(IReadOnlyList<T> items, Func<T, byte[]> serialize)
    {
        using var buffer = new MemoryStream();
        foreach (var item in items)
        {
            buffer.Write(serialize(item));
            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }
}
