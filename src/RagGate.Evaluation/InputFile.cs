using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace RagGate.Evaluation;

/// <summary>
/// The one way RagGate opens a file it was given: the path is checked (no NUL, not a folder, present),
/// the bytes must be UTF-8 (a UTF-8 byte-order mark is dropped, UTF-16 and UTF-32 are named), and every
/// failure is an <see cref="InputException"/> naming the file, the line and what is expected.
/// </summary>
public static class InputFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The UTF-8 byte-order mark some editors write at the start of a file.</summary>
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Throws when <paramref name="path"/> is empty or holds a character no file name can hold.</summary>
    public static void CheckPath(string path, string expected)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new InputException($"the path is empty; expected {expected}");
        if (path.AsSpan().IndexOfAny(InvalidPathChars) >= 0)
            throw new InputException($"{Printable(path)}: the path contains a NUL or control character; expected {expected}");
    }

    /// <summary>Throws unless <paramref name="path"/> is a readable file (not a folder, present).</summary>
    public static void RequireFile(string path, string expected)
    {
        CheckPath(path, expected);
        if (Directory.Exists(path))
            throw new InputException($"{path}: is a folder; expected {expected}");
        if (!File.Exists(path))
            throw new InputException($"{path}: file not found; expected {expected}");
    }

    /// <summary>Reads a text file's bytes: checked path, UTF-8 without its byte-order mark, no UTF-16.</summary>
    public static byte[] ReadUtf8Bytes(string path, string expected)
    {
        RequireFile(path, expected);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the file ({e.Message.TrimEnd('.')}); expected {expected}", e);
        }

        CheckNotUtf16(path, bytes);
        var body = bytes.AsSpan().StartsWith(Utf8Bom) ? bytes[3..] : bytes;
        RequireUtf8(path, body);
        return body;
    }

    /// <summary>Reads a text file as a string, with the same checks as <see cref="ReadUtf8Bytes"/>.</summary>
    public static string ReadText(string path, string expected) => StrictUtf8.GetString(ReadUtf8Bytes(path, expected));

    /// <summary>Throws when the bytes start like UTF-16 or UTF-32 text (a byte-order mark, or NUL bytes between ASCII letters).</summary>
    public static void CheckNotUtf16(string path, ReadOnlySpan<byte> start)
    {
        var encoding = start switch
        {
            [0xFF, 0xFE, 0, 0, ..] or [0, 0, 0xFE, 0xFF, ..] => "UTF-32",
            [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => "UTF-16",
            [not 0, 0, not 0, 0, ..] or [0, not 0, 0, not 0, ..] => "UTF-16",
            _ => null,
        };
        if (encoding is not null)
            throw new InputException($"{path}:1: the file is {encoding} encoded; expected UTF-8 (convert it, e.g. iconv -f {encoding} -t UTF-8)");
        var nul = start.IndexOf((byte)0);
        if (nul >= 0)
            throw new InputException($"{path}:{LineAt(start, nul).ToString(CultureInfo.InvariantCulture)}: the file holds a NUL byte; expected UTF-8 text");
    }

    /// <summary>Throws at the line of the first byte sequence that is not UTF-8.</summary>
    public static void RequireUtf8(string path, ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
            return;
        var chars = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            var offset = 0;
            while (true)
            {
                var status = Utf8.ToUtf16(bytes[offset..], chars, out var read, out _, replaceInvalidSequences: false);
                offset += read;
                if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData or OperationStatus.Done)
                    break;
            }
            throw new InputException($"{path}:{LineAt(bytes, offset).ToString(CultureInfo.InvariantCulture)}: invalid UTF-8 text (byte 0x{(offset < bytes.Length ? bytes[offset] : 0):X2}); expected UTF-8");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The 1-based line holding byte <paramref name="offset"/>.</summary>
    public static int LineAt(ReadOnlySpan<byte> bytes, int offset) =>
        bytes[..Math.Min(offset, bytes.Length)].Count((byte)'\n') + 1;

    // Control characters are legal in Unix file names, but no one means them in a config or a command line.
    private static readonly SearchValues<char> InvalidPathChars = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\v\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private static string Printable(string path) =>
        string.Concat(path.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
