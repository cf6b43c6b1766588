using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using RagGate.Evaluation.IO;

namespace RagGate.Engine.Caching;

/// <summary>
/// Content-addressed on-disk store of embedding vectors: one small file per entry under a folder
/// named by the key's first two hex characters. Writes are atomic (temp file, then rename), so
/// runs sharing a folder, or killed mid-write, never leave a half entry that is trusted; a damaged
/// entry fails its checksum, is deleted and reported as a miss.
/// </summary>
internal sealed class EmbeddingCache
{
    // Entry layout: magic, dimensions (int32 LE), key (32 bytes), floats (LE), SHA-256 of all before.
    private static ReadOnlySpan<byte> Magic => "RGE1"u8;
    private const int KeyBytes = 32;
    private const int HeaderBytes = 4 + 4 + KeyBytes;
    private const int ChecksumBytes = 32;

    private long _hits;
    private long _misses;
    private long _corruptions;

    /// <summary>Opens (and creates if needed) a cache in <paramref name="directory"/>.</summary>
    public EmbeddingCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The cache's root folder.</summary>
    public string Directory { get; }

    /// <summary>Lookups that returned a vector.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that found no usable entry.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Entries found damaged (wrong size, magic, key or checksum) and deleted.</summary>
    public long Corruptions => Interlocked.Read(ref _corruptions);

    /// <summary>The key of a text under a model: SHA-256 hex of model id, model file hash and the exact text.</summary>
    public static string ComputeKey(string modelId, string modelHash, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{modelId}\n{modelHash}\n"));
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Path of the entry file for a key.</summary>
    public string PathOf(string key) => Path.Combine(Directory, key[..2], key + ".emb");

    /// <summary>Reads the vector stored under <paramref name="key"/>; false when absent or damaged.</summary>
    public bool TryGet(string key, int dimensions, out float[] vector)
    {
        vector = [];
        var path = PathOf(key);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            Interlocked.Increment(ref _misses);
            return false;
        }

        if (!IsValid(bytes, key, dimensions))
        {
            Interlocked.Increment(ref _corruptions);
            Interlocked.Increment(ref _misses);
            TryDelete(path);
            return false;
        }

        vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(HeaderBytes + (i * 4)));
        }

        Interlocked.Increment(ref _hits);
        return true;
    }

    /// <summary>Stores a vector under <paramref name="key"/> atomically; concurrent writers of one key are safe.</summary>
    public void Set(string key, ReadOnlySpan<float> vector)
    {
        var path = PathOf(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            AtomicFile.WriteBytes(path, Serialize(key, vector));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer won the race with the same content (some platforms refuse to replace an open file).
        }
    }

    internal static byte[] Serialize(string key, ReadOnlySpan<float> vector)
    {
        var bytes = new byte[HeaderBytes + (vector.Length * 4) + ChecksumBytes];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), vector.Length);
        Convert.FromHexString(key, bytes.AsSpan(8, KeyBytes), out _, out _);
        for (var i = 0; i < vector.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(HeaderBytes + (i * 4)), vector[i]);
        }

        var body = bytes.AsSpan(0, bytes.Length - ChecksumBytes);
        SHA256.HashData(body, bytes.AsSpan(body.Length));
        return bytes;
    }

    private static bool IsValid(byte[] bytes, string key, int dimensions)
    {
        if (bytes.Length != HeaderBytes + (dimensions * 4) + ChecksumBytes
            || !bytes.AsSpan(0, 4).SequenceEqual(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != dimensions)
        {
            return false;
        }

        Span<byte> expectedKey = stackalloc byte[KeyBytes];
        Convert.FromHexString(key, expectedKey, out _, out _);
        Span<byte> checksum = stackalloc byte[ChecksumBytes];
        var body = bytes.AsSpan(0, bytes.Length - ChecksumBytes);
        SHA256.HashData(body, checksum);
        return bytes.AsSpan(8, KeyBytes).SequenceEqual(expectedKey)
            && checksum.SequenceEqual(bytes.AsSpan(body.Length));
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another run may hold or have replaced it; the next lookup checks again.
        }
        catch (UnauthorizedAccessException)
        {
            // A read-only cache still serves valid entries; the damaged one is recomputed each time.
        }
    }
}
