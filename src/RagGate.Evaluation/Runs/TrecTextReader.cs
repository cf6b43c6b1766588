using System.Text;

namespace RagGate.Evaluation.Runs;

/// <summary>
/// Streams a whitespace-separated TREC text file (runs, qrels) line by line as UTF-8 spans, so that a
/// million-line run is parsed without a string per line. Blank lines and '#' comment lines are skipped.
/// </summary>
internal sealed class TrecTextReader : IDisposable
{
    private const int MaxFields = 8;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private readonly Stream _stream;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _poolLookup;
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _eof;
    private readonly Range[] _fields = new Range[MaxFields];

    public TrecTextReader(string path)
    {
        Path = path;
        InputFile.RequireFile(path, "a TREC file");
        try
        {
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the file ({e.Message.TrimEnd('.')}); expected a readable TREC file", e);
        }
        _poolLookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The file being read, for error messages.</summary>
    public string Path { get; }

    /// <summary>The 1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Number of fields of the current line (at most <see cref="MaxFields"/>; more are counted as MaxFields + 1).</summary>
    public int FieldCount { get; private set; }

    /// <summary>Reads the next non-blank, non-comment line and splits it into fields.</summary>
    public bool ReadLine()
    {
        while (NextRawLine(out var lineStart, out var lineEnd))
        {
            var count = Split(lineStart, lineEnd);
            if (count == 0 || _buffer[_fields[0].Start.Value] == (byte)'#')
                continue;
            FieldCount = count;
            return true;
        }
        return false;
    }

    /// <summary>The raw bytes of field <paramref name="index"/> of the current line.</summary>
    public ReadOnlySpan<byte> Field(int index) => _buffer.AsSpan()[_fields[index]];

    /// <summary>Field <paramref name="index"/> as a string, pooled so repeated ids share one instance.</summary>
    public string PooledString(int index)
    {
        var bytes = Field(index);
        Span<char> chars = bytes.Length <= 256 ? stackalloc char[256] : new char[bytes.Length];
        int length;
        try
        {
            length = StrictUtf8.GetChars(bytes, chars);
        }
        catch (DecoderFallbackException e)
        {
            throw Error("invalid UTF-8 text; expected UTF-8", e);
        }
        var span = chars[..length];
        if (_poolLookup.TryGetValue(span, out var existing))
            return existing;
        var created = span.ToString();
        _pool.Add(created, created);
        return created;
    }

    /// <summary>Field <paramref name="index"/> as a new string (no pooling: cheaper for ids that rarely repeat).</summary>
    public string String(int index)
    {
        try
        {
            return StrictUtf8.GetString(Field(index));
        }
        catch (DecoderFallbackException e)
        {
            throw Error("invalid UTF-8 text; expected UTF-8", e);
        }
    }

    /// <summary>An error at the current line.</summary>
    public InputException Error(string expected, Exception? inner = null) =>
        inner is null
            ? new InputException($"{Path}:{LineNumber}: {expected}")
            : new InputException($"{Path}:{LineNumber}: {expected}", inner);

    // Field ranges point into _buffer; it is only compacted when the next line is requested.
    private bool NextRawLine(out int lineStart, out int lineEnd)
    {
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            var newline = available.IndexOf((byte)'\n');
            if (newline >= 0 || (_eof && available.Length > 0))
            {
                var length = newline >= 0 ? newline : available.Length;
                LineNumber++;
                CheckLine(available[..length]);
                lineStart = _start;
                lineEnd = _start + length;
                _start += newline >= 0 ? newline + 1 : length;
                return true;
            }
            if (_eof)
            {
                lineStart = lineEnd = 0;
                return false;
            }
            Fill();
        }
    }

    private void Fill()
    {
        var remaining = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, remaining);
            _start = 0;
            _end = remaining;
        }
        if (_end == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _eof = true;
        var first = _stream.Position == read && read > 0;
        if (first)
            InputFile.CheckNotUtf16(Path, _buffer.AsSpan(0, Math.Min(read, 4)));
        _end += read;
        // A UTF-8 byte-order mark is dropped, as in every other file RagGate reads (trec_eval would keep it in the first id).
        if (first && _buffer.AsSpan(0, _end).StartsWith(InputFile.Utf8Bom))
            _start = 3;
    }

    // trec_eval stops reading at a NUL byte and reads a file with CR-only line endings as one line;
    // both would silently drop judgments, so they are rejected at their line instead.
    private void CheckLine(ReadOnlySpan<byte> line)
    {
        if (line.IndexOf((byte)0) >= 0)
            throw Error("the line holds a NUL byte; expected UTF-8 text");
        var cr = line.IndexOf((byte)'\r');
        if (cr >= 0 && cr < line.Length - 1 && line[(cr + 1)..].IndexOfAnyExcept((byte)'\r') >= 0)
            throw Error("a carriage return (CR) ends a line inside this one; expected LF or CRLF line endings, not CR alone");
    }

    private int Split(int i, int end)
    {
        var count = 0;
        while (i < end)
        {
            while (i < end && IsSpace(_buffer[i]))
                i++;
            if (i >= end)
                break;
            var start = i;
            while (i < end && !IsSpace(_buffer[i]))
                i++;
            if (count == MaxFields)
                return MaxFields + 1;
            _fields[count++] = new Range(start, i);
        }
        return count;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\v' or (byte)'\f' or (byte)'\n';

    public void Dispose() => _stream.Dispose();
}
