using System.Security.Cryptography;
using System.Text;
using RagGate.Evaluation;
using RagGate.Evaluation.IO;

namespace RagGate.Engine.Indexing;

/// <summary>
/// BM25 postings kept by the SHA-256 of the exact texts they index (and the analyzer that indexed
/// them), so an index rebuilt over unchanged chunk texts (its folder deleted, or another model,
/// precision or <c>retrieval.vectors</c>) skips Lucene's analysis: on SciFact that analysis was
/// 2.1 of the 2.4 CPU seconds of an index rebuilt from cached embeddings. One changed character
/// of one text changes the key. An entry is the <c>bm25.bin</c> bytes followed by their SHA-256;
/// one that fails the checksum or does not read back is rebuilt and rewritten.
/// </summary>
internal static class Bm25PostingsCache
{
    private const int ChecksumBytes = 32;

    // What the postings depend on besides the texts: the file layout and the analyzer (its Lucene
    // version and the Lucene.Net build that implements it).
    private static readonly string AnalyzerIdentity =
        $"bm25.bin v{IndexManifest.CurrentFormatVersion}|EnglishAnalyzer {EnglishTerms.LuceneVersionName}|{typeof(Lucene.Net.Analysis.Analyzer).Assembly.GetName().Version}";

    /// <summary>The postings of <paramref name="texts"/> and their file bytes, from <paramref name="directory"/> when it holds them, else built and stored there.</summary>
    public static (Bm25Index Index, byte[] Bytes) GetOrBuild(IReadOnlyList<string> texts, string? directory)
    {
        if (directory is null)
        {
            var built = Bm25Index.Build(texts);
            return (built, Bm25IndexFile.Write(built));
        }

        var path = Path.Combine(directory, Key(texts) + ".bm25");
        if (TryRead(path, texts.Count) is { } cached)
        {
            return cached;
        }

        var index = Bm25Index.Build(texts);
        var bytes = Bm25IndexFile.Write(index);
        var entry = new byte[bytes.Length + ChecksumBytes];
        bytes.CopyTo(entry, 0);
        SHA256.HashData(bytes, entry.AsSpan(bytes.Length));
        try
        {
            Directory.CreateDirectory(directory);
            AtomicFile.WriteBytes(path, entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or full cache costs the next rebuild its analysis, nothing else.
        }

        return (index, bytes);
    }

    /// <summary>SHA-256 (hex) of the analyzer identity and every text, each text's length first so boundaries count.</summary>
    internal static string Key(IReadOnlyList<string> texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(AnalyzerIdentity + "\n"));
        Span<byte> length = stackalloc byte[4];
        foreach (var text in texts)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static (Bm25Index, byte[])? TryRead(string path, int rows)
    {
        byte[] entry;
        try
        {
            entry = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (entry.Length <= ChecksumBytes)
        {
            return null;
        }

        var bytes = entry.AsSpan(0, entry.Length - ChecksumBytes).ToArray();
        if (!SHA256.HashData(bytes).AsSpan().SequenceEqual(entry.AsSpan(bytes.Length)))
        {
            return null;
        }

        try
        {
            return (Bm25IndexFile.Read(bytes, path, rows), bytes);
        }
        catch (InputException)
        {
            return null;
        }
    }
}
