using System.Runtime.InteropServices;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>Turns BSON bytes of a received frame into documents, treating any defect as a malformed message.</summary>
internal static class WireBson
{
    /// <summary>Largest document in a message: 16 MiB plus the 16 KiB MongoDB allows for command overhead.</summary>
    public const int MaxDocumentSize = 16 * 1024 * 1024 + 16 * 1024;

    private static readonly BsonBinaryReaderSettings ReaderSettings = new() { MaxDocumentSize = MaxDocumentSize };

    /// <summary>Reads the document at the start of <paramref name="bytes"/>; returns it and the bytes it occupied.</summary>
    public static (BsonDocument Document, int Length) ReadDocument(ReadOnlyMemory<byte> bytes)
    {
        var length = BsonStructureValidator.Validate(bytes.Span);
        if (length > MaxDocumentSize) throw new MalformedMessageException($"BSON document of {length} bytes exceeds the maximum of {MaxDocumentSize}");
        if (!MemoryMarshal.TryGetArray(bytes[..length], out var segment))
            segment = new ArraySegment<byte>(bytes[..length].ToArray());

        try
        {
            using var stream = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
            using var reader = new BsonBinaryReader(stream, ReaderSettings);
            var document = BsonDocumentSerializer.Instance.Deserialize(BsonDeserializationContext.CreateRoot(reader));
            if (stream.Position != length) throw new MalformedMessageException("BSON document length does not match its content");
            return (document, length);
        }
        catch (Exception ex) when (ex is FormatException or BsonException or EndOfStreamException or ArgumentException or InvalidOperationException or OverflowException)
        {
            throw new MalformedMessageException("invalid BSON: " + ex.Message, ex);
        }
    }
}
