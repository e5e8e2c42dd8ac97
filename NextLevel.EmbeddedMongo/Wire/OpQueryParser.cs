using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// Decodes legacy OP_QUERY: <c>header, int32 flags, cstring fullCollectionName, int32 numberToSkip,
/// int32 numberToReturn, document query, [document returnFieldsSelector]</c>. Only commands on
/// <c>&lt;db&gt;.$cmd</c> are meaningful today (the driver's first hello); the session rejects the rest.
/// </summary>
internal static class OpQueryParser
{
    private const int FlagsOffset = MessageHeader.Length;
    private const int CollectionNameOffset = FlagsOffset + sizeof(int);

    private static ReadOnlySpan<byte> CommandCollectionSuffix => ".$cmd"u8;

    public static WireRequest Parse(ReadOnlyMemory<byte> message, MessageHeader header)
    {
        var span = message.Span;
        if (span.Length <= CollectionNameOffset) throw new MalformedMessageException("OP_QUERY is too short");

        var nameLength = span[CollectionNameOffset..].IndexOf((byte)0);
        if (nameLength < 0) throw new MalformedMessageException("OP_QUERY collection name is not terminated");
        var fullName = span.Slice(CollectionNameOffset, nameLength);

        var position = CollectionNameOffset + nameLength + 1 + sizeof(int) + sizeof(int); // skip numberToSkip, numberToReturn
        if (position >= span.Length) throw new MalformedMessageException("OP_QUERY is truncated");
        var (query, queryLength) = WireBson.ReadDocument(message[position..]);
        position += queryLength;
        if (position < span.Length)
        {
            var (_, selectorLength) = WireBson.ReadDocument(message[position..]);
            position += selectorLength;
        }
        if (position != span.Length) throw new MalformedMessageException("OP_QUERY has trailing bytes");

        // Only "<db>.$cmd" carries a command; anything else becomes an empty database the session rejects.
        var database = fullName.EndsWith(CommandCollectionSuffix)
            ? DecodeName(fullName[..^CommandCollectionSuffix.Length])
            : null;
        return new WireRequest(header.RequestId, WireOpCode.Query, UnwrapQuery(query), MoreToCome: false, database);
    }

    /// <summary>Old drivers wrap the command as <c>{ $query: {...}, $readPreference: ... }</c> (or <c>query</c>).</summary>
    private static BsonDocument UnwrapQuery(BsonDocument query)
    {
        if (query.ElementCount > 0)
        {
            var first = query.GetElement(0);
            if ((first.Name == "$query" || first.Name == "query") && first.Value.IsBsonDocument) return first.Value.AsBsonDocument;
        }
        return query;
    }

    private static string? DecodeName(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return bytes.IsEmpty ? null : StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new MalformedMessageException("OP_QUERY collection name is not UTF-8", ex);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
