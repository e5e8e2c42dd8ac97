using System.Buffers.Binary;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// Serialises replies straight into a pooled buffer: the header and prefix are reserved first and patched once the
/// document's length is known. The caller sends <see cref="PooledMessageBuffer.WrittenMemory"/> and disposes the buffer.
/// </summary>
internal static class ReplyWriter
{
    // OP_MSG reply: header, flagBits, section kind 0, document.
    private const int OpMsgPrefixLength = MessageHeader.Length + sizeof(uint) + 1;

    // OP_REPLY: header, responseFlags, cursorID, startingFrom, numberReturned, documents.
    private const int OpReplyPrefixLength = MessageHeader.Length + sizeof(int) + sizeof(long) + sizeof(int) + sizeof(int);
    private const int OpReplyNumberReturnedOffset = OpReplyPrefixLength - sizeof(int);

    // Replies wrap documents a few levels deep (cursor.firstBatch[i]), so allow the request depth limit plus that margin.
    private static readonly BsonBinaryWriterSettings WriterSettings = new()
    {
        MaxDocumentSize = MessageHeader.MaxMessageSizeBytes - OpReplyPrefixLength,
        MaxSerializationDepth = BsonStructureValidator.MaxDepth + 10,
    };

    public static PooledMessageBuffer WriteOpMsg(int requestId, int responseTo, BsonDocument reply)
    {
        var buffer = Write(OpMsgPrefixLength, reply);
        // flagBits and section kind 0 are already zero from the reservation.
        new MessageHeader((int)buffer.Length, requestId, responseTo, WireOpCode.Msg).Write(buffer.WrittenSpan);
        return buffer;
    }

    public static PooledMessageBuffer WriteOpReply(int requestId, int responseTo, BsonDocument reply)
    {
        var buffer = Write(OpReplyPrefixLength, reply);
        var span = buffer.WrittenSpan;
        new MessageHeader(span.Length, requestId, responseTo, WireOpCode.Reply).Write(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[OpReplyNumberReturnedOffset..], 1);
        return buffer;
    }

    private static PooledMessageBuffer Write(int prefixLength, BsonDocument reply)
    {
        var buffer = new PooledMessageBuffer();
        try
        {
            buffer.SetLength(prefixLength);
            buffer.Position = prefixLength;
            using (var writer = new BsonBinaryWriter(buffer, WriterSettings))
            {
                BsonDocumentSerializer.Instance.Serialize(BsonSerializationContext.CreateRoot(writer), reply);
            }
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }
}
