using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using NextLevel.EmbeddedMongo.Wire;

namespace NextLevel.EmbeddedMongo.Tests.Wire;

/// <summary>Builds raw wire messages byte by byte, independently of the server's own writer.</summary>
internal static class WireMessages
{
    private static readonly BsonBinaryWriterSettings DeepWriter = new() { MaxSerializationDepth = 1000 };

    public static byte[] Bson(BsonDocument document) => document.ToBson(writerSettings: DeepWriter);

    public static byte[] OpMsg(BsonDocument body, int requestId = 1, uint flags = 0, bool checksum = false,
        params (string Identifier, BsonDocument[] Documents)[] sequences)
    {
        var payload = new MemoryStream();
        payload.WriteByte(0);
        payload.Write(Bson(body));
        foreach (var (identifier, documents) in sequences)
        {
            var name = Encoding.UTF8.GetBytes(identifier);
            var docs = documents.SelectMany(Bson).ToArray();
            payload.WriteByte(1);
            payload.Write(Int32(4 + name.Length + 1 + docs.Length));
            payload.Write(name);
            payload.WriteByte(0);
            payload.Write(docs);
        }

        if (checksum) flags |= (uint)OpMsgFlags.ChecksumPresent;
        var flagBytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(flagBytes, flags);
        var message = Frame(requestId, 2013, [.. flagBytes, .. payload.ToArray()], extra: checksum ? 4 : 0);
        if (checksum)
        {
            var crc = Crc32CReference(message.AsSpan(0, message.Length - 4));
            BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(message.Length - 4), crc);
        }
        return message;
    }

    public static byte[] OpQuery(string fullCollectionName, BsonDocument query, int requestId = 1)
    {
        var body = new MemoryStream();
        body.Write(Int32(0));
        body.Write(Encoding.UTF8.GetBytes(fullCollectionName));
        body.WriteByte(0);
        body.Write(Int32(0));
        body.Write(Int32(-1));
        body.Write(Bson(query));
        return Frame(requestId, 2004, body.ToArray(), extra: 0);
    }

    public static byte[] Frame(int requestId, int opCode, byte[] body, int extra)
    {
        var message = new byte[16 + body.Length + extra];
        BinaryPrimitives.WriteInt32LittleEndian(message, message.Length);
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(4), requestId);
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(8), 0);
        BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(12), opCode);
        body.CopyTo(message, 16);
        return message;
    }

    /// <summary>Parses an OP_MSG or OP_REPLY reply: (responseTo, opCode, document).</summary>
    public static (int ResponseTo, int OpCode, BsonDocument Document) ParseReply(ReadOnlySpan<byte> reply)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(reply);
        Assert.Equal(length, reply.Length);
        var responseTo = BinaryPrimitives.ReadInt32LittleEndian(reply[8..]);
        var opCode = BinaryPrimitives.ReadInt32LittleEndian(reply[12..]);
        var documentOffset = opCode switch
        {
            2013 => 16 + 4 + 1,
            1 => 16 + 4 + 8 + 4 + 4,
            _ => throw new InvalidOperationException($"unexpected reply opcode {opCode}"),
        };
        if (opCode == 1) Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(reply[(16 + 4 + 8 + 4)..]));
        var document = MongoDB.Bson.Serialization.BsonSerializer.Deserialize<BsonDocument>(reply[documentOffset..].ToArray());
        return (responseTo, opCode, document);
    }

    public static byte[] Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }

    /// <summary>Bitwise CRC-32C, independent of the server's hardware-accelerated one.</summary>
    public static uint Crc32CReference(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
        }
        return ~crc;
    }
}
