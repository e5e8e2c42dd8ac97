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
        var length = ValidatedLength(bytes);
        if (!MemoryMarshal.TryGetArray(bytes[..length], out var segment))
            segment = new ArraySegment<byte>(bytes[..length].ToArray());
        return (Deserialize(segment, static context => BsonDocumentSerializer.Instance.Deserialize(context)), length);
    }

    /// <summary>
    /// As <see cref="ReadDocument"/>, for documents that may be stored as they are: the result keeps a private copy
    /// of its bytes (<see cref="ReceivedDocument"/>). Validation is the same, element by element.
    /// </summary>
    public static (ReceivedDocument Document, int Length) ReadStorableDocument(ReadOnlyMemory<byte> bytes)
    {
        var length = ValidatedLength(bytes);
        var copy = bytes[..length].ToArray();
        return (Deserialize(new ArraySegment<byte>(copy), context => ReadElements(context, new ReceivedDocument(copy))), length);
    }

    private static int ValidatedLength(ReadOnlyMemory<byte> bytes)
    {
        var length = BsonStructureValidator.Validate(bytes.Span);
        if (length > MaxDocumentSize) throw new MalformedMessageException($"BSON document of {length} bytes exceeds the maximum of {MaxDocumentSize}");
        return length;
    }

    /// <summary>
    /// Reads the top-level elements into <paramref name="document"/> as the driver's document serialiser does
    /// (values through <see cref="BsonValueSerializer"/>, each added with <see cref="BsonDocument.Add(string, BsonValue)"/>).
    /// </summary>
    private static T ReadElements<T>(BsonDeserializationContext context, T document) where T : BsonDocument
    {
        var reader = context.Reader;
        reader.ReadStartDocument();
        while (reader.ReadBsonType() != BsonType.EndOfDocument)
        {
            var name = reader.ReadName();
            document.Add(name, BsonValueSerializer.Instance.Deserialize(context));
        }
        reader.ReadEndDocument();
        return document;
    }

    private static T Deserialize<T>(ArraySegment<byte> segment, Func<BsonDeserializationContext, T> read) where T : BsonDocument
    {
        try
        {
            using var stream = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
            using var reader = new BsonBinaryReader(stream, ReaderSettings);
            var document = read(BsonDeserializationContext.CreateRoot(reader));
            if (stream.Position != segment.Count) throw new MalformedMessageException("BSON document length does not match its content");
            return document;
        }
        catch (Exception ex) when (ex is FormatException or BsonException or EndOfStreamException or ArgumentException or InvalidOperationException or OverflowException)
        {
            throw new MalformedMessageException("invalid BSON: " + ex.Message, ex);
        }
    }
}
