using System.Buffers.Binary;
using System.Text;
using RagGate.Evaluation;

namespace RagGate.Engine.Indexing;

/// <summary>
/// The byte layout of <c>bm25.bin</c>. Postings are saved rather than rebuilt on load because
/// Lucene analysis of SciFact's 5,183 documents took seconds, far above an index load's budget.
/// Layout, little-endian: "RAGGBM25", int32 version, int32 terms, int32 rows, int32 postings; each
/// term as int32 byte length and UTF-8 bytes (in id order); int32 starts[terms + 1]; int32 rows[postings];
/// int32 frequencies[postings]; int32 lengths[rows].
/// </summary>
internal static class Bm25IndexFile
{
    private static ReadOnlySpan<byte> Magic => "RAGGBM25"u8;

    public static byte[] Write(Bm25Index index)
    {
        var terms = new string[index.TermIds.Count];
        foreach (var (term, id) in index.TermIds)
        {
            terms[id] = term;
        }

        using var buffer = new MemoryStream();
        using var writer = new BinaryWriter(buffer, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(IndexManifest.CurrentFormatVersion);
        writer.Write(terms.Length);
        writer.Write(index.Count);
        writer.Write(index.PostingRows.Length);
        foreach (var term in terms)
        {
            var bytes = Encoding.UTF8.GetBytes(term);
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }

        WriteInts(writer, index.PostingStarts);
        WriteInts(writer, index.PostingRows);
        WriteInts(writer, index.PostingFrequencies);
        WriteInts(writer, index.Lengths);
        writer.Flush();
        return buffer.ToArray();
    }

    public static Bm25Index Read(byte[] bytes, string path, int expectedRows)
    {
        try
        {
            return ReadCore(bytes, expectedRows);
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException or InvalidDataException)
        {
            throw new InputException($"{path}: not a valid BM25 file ({ex.Message}); the index is corrupted, rebuild it with raggate index", ex);
        }
    }

    private static Bm25Index ReadCore(ReadOnlySpan<byte> bytes, int expectedRows)
    {
        if (!bytes.StartsWith(Magic) || BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]) != IndexManifest.CurrentFormatVersion)
        {
            throw new InvalidDataException("bad header");
        }

        var termCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        var rows = BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]);
        var postings = BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]);
        if (rows != expectedRows)
        {
            throw new InvalidDataException($"{rows} rows, expected {expectedRows}");
        }

        var offset = 24;
        var termIds = new Dictionary<string, int>(termCount, StringComparer.Ordinal);
        for (var id = 0; id < termCount; id++)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[offset..]);
            termIds.Add(Encoding.UTF8.GetString(bytes.Slice(offset + 4, length)), id);
            offset += 4 + length;
        }

        var starts = ReadInts(bytes, ref offset, termCount + 1);
        var postingRows = ReadInts(bytes, ref offset, postings);
        var frequencies = ReadInts(bytes, ref offset, postings);
        var lengths = ReadInts(bytes, ref offset, rows);
        if (offset != bytes.Length)
        {
            throw new InvalidDataException("trailing bytes");
        }

        return Bm25Index.FromPostings(termIds, starts, postingRows, frequencies, lengths);
    }

    private static void WriteInts(BinaryWriter writer, ReadOnlySpan<int> values)
    {
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static int[] ReadInts(ReadOnlySpan<byte> bytes, ref int offset, int count)
    {
        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(offset + (i * 4))..]);
        }

        offset += count * 4;
        return values;
    }
}
