namespace RagGate.Engine.Embeddings;

/// <summary>A read-only stream over the next <c>length</c> bytes of a file stream, from its current position; owns the file stream.</summary>
internal sealed class FileSlice(FileStream file, long length) : Stream
{
    private readonly long _start = file.Position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => file.Position - _start;
        set => file.Position = _start + Math.Clamp(value, 0, length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var left = length - Position;
        return left <= 0 ? 0 : file.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) file.Dispose();
        base.Dispose(disposing);
    }
}
