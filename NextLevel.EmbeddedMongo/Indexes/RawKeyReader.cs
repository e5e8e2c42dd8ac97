using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Indexes;

internal enum RawLookup
{
    Found,
    Missing,

    /// <summary>The path meets an array, or ends in a value this reader does not build (documents, binaries, ...).</summary>
    NeedsDocument,
}

/// <summary>
/// Reads one dotted path straight from a document's BSON bytes, without deserialising the document. Recovery and
/// deletes compute index keys this way for the common case (scalar values reached through embedded documents);
/// anything else (arrays, embedded values as keys) answers <see cref="RawLookup.NeedsDocument"/> and the caller
/// deserialises. Element layout per the BSON spec: type byte, cstring name, value.
/// </summary>
internal static class RawKeyReader
{
    /// <summary>The deprecated DBPointer type (0x0C), which the driver's BsonType enum does not name.</summary>
    private const BsonType DbPointer = (BsonType)0x0C;

    public static byte[][] EncodePath(string[] parts) => parts.Select(part => Encoding.UTF8.GetBytes(part)).ToArray();

    public static RawLookup Find(ReadOnlySpan<byte> document, byte[][] path, out BsonValue? value)
    {
        value = null;
        for (var depth = 0; depth < path.Length; depth++)
        {
            if (!TryFindElement(document, path[depth], out var type, out var content)) return RawLookup.Missing;
            if (depth == path.Length - 1) return TryMaterialize(type, content, out value) ? RawLookup.Found : RawLookup.NeedsDocument;
            switch (type)
            {
                case BsonType.Document:
                    document = content;
                    break;
                case BsonType.Array:
                    return RawLookup.NeedsDocument;
                default:
                    // A scalar in the middle of the path: the rest of the path does not exist.
                    return RawLookup.Missing;
            }
        }
        return RawLookup.Missing;
    }

    /// <summary>
    /// A top-level element by its UTF-8 name: <see cref="RawLookup.Found"/> with the value when it is a scalar this
    /// reader builds, <see cref="RawLookup.NeedsDocument"/> for documents, arrays and the other types.
    /// </summary>
    public static RawLookup FindTopLevel(ReadOnlySpan<byte> document, ReadOnlySpan<byte> name, out BsonValue? value)
    {
        value = null;
        if (!TryFindElement(document, name, out var type, out var content)) return RawLookup.Missing;
        return TryMaterialize(type, content, out value) ? RawLookup.Found : RawLookup.NeedsDocument;
    }

    private static bool TryFindElement(ReadOnlySpan<byte> document, ReadOnlySpan<byte> name, out BsonType type, out ReadOnlySpan<byte> content)
    {
        foreach (var element in new Bson.RawBsonDecoder.Elements(document))
        {
            if (!element.Name.SequenceEqual(name)) continue;
            type = element.Type;
            content = element.Content;
            return true;
        }
        type = BsonType.EndOfDocument;
        content = default;
        return false;
    }

    internal static int ValueSize(BsonType type, ReadOnlySpan<byte> value) => type switch
    {
        BsonType.Double or BsonType.DateTime or BsonType.Timestamp or BsonType.Int64 => 8,
        BsonType.String or BsonType.JavaScript or BsonType.Symbol => 4 + BinaryPrimitives.ReadInt32LittleEndian(value),
        BsonType.Document or BsonType.Array or BsonType.JavaScriptWithScope => BinaryPrimitives.ReadInt32LittleEndian(value),
        BsonType.Binary => 5 + BinaryPrimitives.ReadInt32LittleEndian(value),
        BsonType.Undefined or BsonType.Null or BsonType.MinKey or BsonType.MaxKey => 0,
        BsonType.ObjectId => 12,
        BsonType.Boolean => 1,
        BsonType.RegularExpression => RegexSize(value),
        DbPointer => 4 + BinaryPrimitives.ReadInt32LittleEndian(value) + 12,
        BsonType.Int32 => 4,
        BsonType.Decimal128 => 16,
        _ => throw new FormatException($"Invalid BSON element type {(int)type}."),
    };

    private static int RegexSize(ReadOnlySpan<byte> value)
    {
        var pattern = value.IndexOf((byte)0) + 1;
        return pattern + value[pattern..].IndexOf((byte)0) + 1;
    }

    internal static bool TryMaterialize(BsonType type, ReadOnlySpan<byte> content, out BsonValue? value)
    {
        value = type switch
        {
            BsonType.Double => new BsonDouble(BinaryPrimitives.ReadDoubleLittleEndian(content)),
            BsonType.String => new BsonString(Encoding.UTF8.GetString(content.Slice(4, content.Length - 5))),
            BsonType.ObjectId => new BsonObjectId(new ObjectId(content.ToArray())),
            BsonType.Boolean => content[0] != 0 ? BsonBoolean.True : BsonBoolean.False,
            BsonType.DateTime => new BsonDateTime(BinaryPrimitives.ReadInt64LittleEndian(content)),
            BsonType.Null => BsonNull.Value,
            BsonType.Undefined => BsonUndefined.Value,
            BsonType.Int32 => new BsonInt32(BinaryPrimitives.ReadInt32LittleEndian(content)),
            BsonType.Int64 => new BsonInt64(BinaryPrimitives.ReadInt64LittleEndian(content)),
            BsonType.Timestamp => new BsonTimestamp(BinaryPrimitives.ReadInt64LittleEndian(content)),
            BsonType.Decimal128 => new BsonDecimal128(Decimal128.FromIEEEBits(BinaryPrimitives.ReadUInt64LittleEndian(content[8..]), BinaryPrimitives.ReadUInt64LittleEndian(content))),
            BsonType.MinKey => BsonMinKey.Value,
            BsonType.MaxKey => BsonMaxKey.Value,
            _ => null,
        };
        return value is not null;
    }
}
