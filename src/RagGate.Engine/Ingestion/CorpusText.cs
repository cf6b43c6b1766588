using System.Buffers;
using System.Text;
using System.Text.Unicode;
using RagGate.Evaluation;

namespace RagGate.Engine.Ingestion;

/// <summary>Strict UTF-8 decoding that names the file and line of the first invalid byte.</summary>
internal static class CorpusText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/> or throws a one-line error at the offending line.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string file, int firstLine)
    {
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var line = firstLine + bytes[..InvalidIndex(bytes)].Count((byte)'\n');
            throw new InputException($"{file}:{line}: invalid UTF-8; expected UTF-8 text", ex);
        }
    }

    /// <summary>Drops a UTF-8 byte order mark, which editors on Windows often write.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    // The decoder's exception does not say where the bad byte is, so find it to report the line.
    private static int InvalidIndex(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            Utf8.ToUtf16(bytes, buffer, out var read, out _, replaceInvalidSequences: false);
            return read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
