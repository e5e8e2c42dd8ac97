using System.Buffers.Binary;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// Checks that bytes are one well-formed BSON document nested no deeper than MongoDB allows, before the
/// (recursive) deserialiser sees them: a hostile frame of millions of nested documents must close the
/// connection, not overflow the stack and take the process down. Element values other than nesting and
/// lengths are left to the deserialiser.
/// </summary>
internal static class BsonStructureValidator
{
    /// <summary>MongoDB's default maximum nesting depth of BSON objects.</summary>
    public const int MaxDepth = 200;

    private const int MinDocumentLength = 5;

    /// <summary>Validates the document at the start of <paramref name="bytes"/> and returns its declared length.</summary>
    public static int Validate(ReadOnlySpan<byte> bytes)
    {
        var length = ReadDocumentLength(bytes);
        ValidateDocument(bytes[..length], depth: 1);
        return length;
    }

    private static int ReadDocumentLength(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < MinDocumentLength) throw Malformed("BSON document is truncated");
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if (length < MinDocumentLength || length > bytes.Length) throw Malformed($"invalid BSON document length {length}");
        return length;
    }

    private static void ValidateDocument(ReadOnlySpan<byte> document, int depth)
    {
        if (depth > MaxDepth) throw Malformed($"BSON nesting exceeds the maximum depth of {MaxDepth}");
        if (document[^1] != 0) throw Malformed("BSON document is not terminated by a zero byte");

        var position = sizeof(int);
        var end = document.Length - 1;
        while (position < end)
        {
            var type = document[position++];
            position = SkipCString(document, position, end);
            position = SkipValue(document, type, position, end, depth);
        }
        if (position != end) throw Malformed("BSON element overruns its document");
    }

    private static int SkipValue(ReadOnlySpan<byte> document, byte type, int position, int end, int depth)
    {
        switch (type)
        {
            case 0x01: case 0x09: case 0x11: case 0x12: return Fixed(position, 8, end); // double, date, timestamp, int64
            case 0x10: return Fixed(position, 4, end); // int32
            case 0x13: return Fixed(position, 16, end); // decimal128
            case 0x07: return Fixed(position, 12, end); // ObjectId
            case 0x08: return Fixed(position, 1, end); // boolean
            case 0x06: case 0x0A: case 0x7F: case 0xFF: return position; // undefined, null, maxKey, minKey
            case 0x02: case 0x0D: case 0x0E: return SkipString(document, position, end); // string, JavaScript, symbol
            case 0x03: case 0x04: // embedded document, array
            {
                var length = ReadDocumentLength(document[position..end]);
                ValidateDocument(document.Slice(position, length), depth + 1);
                return position + length;
            }
            case 0x05: // binary: int32 length, subtype, bytes
            {
                var length = ReadInt32(document, position, end);
                if (length < 0) throw Malformed("negative BSON binary length");
                return Fixed(position, sizeof(int) + 1 + length, end);
            }
            case 0x0B: // regex: pattern and options cstrings
                return SkipCString(document, SkipCString(document, position, end), end);
            case 0x0C: // DBPointer: string then ObjectId
                return Fixed(SkipString(document, position, end), 12, end);
            case 0x0F: // code with scope: int32 total length, string, document
            {
                var total = ReadInt32(document, position, end);
                var valueEnd = Fixed(position, total, end);
                var scopeStart = SkipString(document, position + sizeof(int), valueEnd);
                var scopeLength = ReadDocumentLength(document[scopeStart..valueEnd]);
                if (scopeStart + scopeLength != valueEnd) throw Malformed("invalid BSON code-with-scope length");
                ValidateDocument(document.Slice(scopeStart, scopeLength), depth + 1);
                return valueEnd;
            }
            default:
                throw Malformed($"unknown BSON element type 0x{type:X2}");
        }
    }

    private static int SkipString(ReadOnlySpan<byte> document, int position, int end)
    {
        var length = ReadInt32(document, position, end);
        if (length < 1) throw Malformed("invalid BSON string length");
        var next = Fixed(position, sizeof(int) + length, end);
        if (document[next - 1] != 0) throw Malformed("BSON string is not terminated by a zero byte");
        return next;
    }

    private static int SkipCString(ReadOnlySpan<byte> document, int position, int end)
    {
        var terminator = document[position..end].IndexOf((byte)0);
        if (terminator < 0) throw Malformed("unterminated BSON element name");
        return position + terminator + 1;
    }

    private static int ReadInt32(ReadOnlySpan<byte> document, int position, int end)
    {
        Fixed(position, sizeof(int), end);
        return BinaryPrimitives.ReadInt32LittleEndian(document[position..]);
    }

    private static int Fixed(int position, int length, int end)
    {
        if (length < 0 || length > end - position) throw Malformed("BSON value overruns its document");
        return position + length;
    }

    private static MalformedMessageException Malformed(string reason) => new(reason);
}
