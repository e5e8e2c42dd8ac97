namespace NextLevel.EmbeddedMongo.Storage.Durability;

internal enum FrameStatus
{
    Record,
    EndOfFile,
    Torn,
}

/// <summary>Reads framed records sequentially (see <see cref="RecordFraming"/>), noticing where a torn tail begins.</summary>
internal sealed class FrameReader(Stream stream)
{
    private readonly byte[] _header = new byte[RecordFraming.HeaderSize];

    /// <summary>File offset where the next record starts (after a torn result: where the damage starts).</summary>
    public long Position { get; private set; }

    public FrameStatus Read(out byte[] payload)
    {
        payload = [];
        if (!ReadHeader(out var length, out var crc, out var status)) return status;
        var body = new byte[length];
        if (stream.ReadAtLeast(body, length, throwOnEndOfStream: false) < length) return FrameStatus.Torn;
        if (Crc32C.Compute(body) != crc) return FrameStatus.Torn;
        Position += RecordFraming.HeaderSize + length;
        payload = body;
        return FrameStatus.Record;
    }

    /// <summary>
    /// As <see cref="Read"/>, into <paramref name="buffer"/> (grown when too small) so that a long replay does not
    /// allocate a payload array per record; the payload is <c>buffer[..length]</c> until the next call.
    /// </summary>
    public FrameStatus ReadInto(ref byte[] buffer, out int length)
    {
        if (!ReadHeader(out length, out var crc, out var status)) return status;
        if (buffer.Length < length) buffer = new byte[Math.Max(length, buffer.Length * 2)];
        if (stream.ReadAtLeast(buffer.AsSpan(0, length), length, throwOnEndOfStream: false) < length) return FrameStatus.Torn;
        if (Crc32C.Compute(buffer.AsSpan(0, length)) != crc) return FrameStatus.Torn;
        Position += RecordFraming.HeaderSize + length;
        return FrameStatus.Record;
    }

    /// <summary>Reads a checkpoint document record: <c>[record id][BSON]</c>, the BSON landing in its own array.</summary>
    public FrameStatus ReadDocument(out long recordId, out byte[] bson)
    {
        recordId = 0;
        bson = [];
        if (!ReadHeader(out var length, out var crc, out var status)) return status;
        if (length < RecordFraming.RecordIdSize + 5) return FrameStatus.Torn;
        Span<byte> id = stackalloc byte[RecordFraming.RecordIdSize];
        if (stream.ReadAtLeast(id, id.Length, throwOnEndOfStream: false) < id.Length) return FrameStatus.Torn;
        var body = new byte[length - RecordFraming.RecordIdSize];
        if (stream.ReadAtLeast(body, body.Length, throwOnEndOfStream: false) < body.Length) return FrameStatus.Torn;
        if (~Crc32C.Append(Crc32C.Append(uint.MaxValue, id), body) != crc) return FrameStatus.Torn;
        Position += RecordFraming.HeaderSize + length;
        recordId = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(id);
        bson = body;
        return FrameStatus.Record;
    }

    private bool ReadHeader(out int length, out uint crc, out FrameStatus status)
    {
        length = 0;
        crc = 0;
        var read = stream.ReadAtLeast(_header, _header.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            status = FrameStatus.EndOfFile;
            return false;
        }
        status = FrameStatus.Torn;
        if (read < _header.Length) return false;
        (length, crc) = RecordFraming.ReadHeader(_header);
        return length is > 0 and <= RecordFraming.MaxPayloadLength;
    }
}
