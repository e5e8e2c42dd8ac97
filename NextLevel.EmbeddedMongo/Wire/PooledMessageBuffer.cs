using System.Buffers;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// A seekable, growable write stream over an <see cref="ArrayPool{T}"/> array, so a reply is serialised once into
/// pooled memory and sent from there without another copy. Dispose returns the array to the pool.
/// [Single owner - not thread-safe]
/// </summary>
internal sealed class PooledMessageBuffer : Stream
{
    private const int InitialCapacity = 4096;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialCapacity);
    private int _length;
    private int _position;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public Span<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, (long)Array.MaxLength);
            _position = (int)value;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureCapacity(_position + buffer.Length);
        buffer.CopyTo(_buffer.AsSpan(_position));
        _position += buffer.Length;
        if (_position > _length) _length = _position;
    }

    public override void WriteByte(byte value)
    {
        EnsureCapacity(_position + 1);
        _buffer[_position++] = value;
        if (_position > _length) _length = _position;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void SetLength(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        EnsureCapacity((int)value);
        if (value > _length) _buffer.AsSpan(_length, (int)value - _length).Clear();
        _length = (int)value;
        if (_position > _length) _position = _length;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("PooledMessageBuffer is write-only.");

    protected override void Dispose(bool disposing)
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
        base.Dispose(disposing);
    }

    private void EnsureCapacity(int required)
    {
        if (required <= _buffer.Length) return;
        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(required, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = grown;
    }
}
