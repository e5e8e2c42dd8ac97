using System.Buffers.Binary;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// The 16-byte header in front of every wire message (all fields little-endian int32).
/// </summary>
internal readonly record struct MessageHeader(int MessageLength, int RequestId, int ResponseTo, WireOpCode OpCode)
{
    public const int Length = 16;
    public const int MessageLengthOffset = 0;
    public const int RequestIdOffset = 4;
    public const int ResponseToOffset = 8;
    public const int OpCodeOffset = 12;

    /// <summary>The largest message either side may send (hello's maxMessageSizeBytes).</summary>
    public const int MaxMessageSizeBytes = 48_000_000;

    /// <summary>Reads the declared total length, which is all a framer needs to know whether a message is complete.</summary>
    public static int ReadMessageLength(ReadOnlySpan<byte> message) =>
        BinaryPrimitives.ReadInt32LittleEndian(message[MessageLengthOffset..]);

    public static MessageHeader Read(ReadOnlySpan<byte> message) => new(
        BinaryPrimitives.ReadInt32LittleEndian(message[MessageLengthOffset..]),
        BinaryPrimitives.ReadInt32LittleEndian(message[RequestIdOffset..]),
        BinaryPrimitives.ReadInt32LittleEndian(message[ResponseToOffset..]),
        (WireOpCode)BinaryPrimitives.ReadInt32LittleEndian(message[OpCodeOffset..]));

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination[MessageLengthOffset..], MessageLength);
        BinaryPrimitives.WriteInt32LittleEndian(destination[RequestIdOffset..], RequestId);
        BinaryPrimitives.WriteInt32LittleEndian(destination[ResponseToOffset..], ResponseTo);
        BinaryPrimitives.WriteInt32LittleEndian(destination[OpCodeOffset..], (int)OpCode);
    }
}
