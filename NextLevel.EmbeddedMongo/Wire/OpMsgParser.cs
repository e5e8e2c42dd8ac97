using System.Buffers.Binary;
using System.Text;
using MongoDB.Bson;

namespace NextLevel.EmbeddedMongo.Wire;

/// <summary>
/// Decodes OP_MSG: <c>header, uint32 flagBits, sections..., [uint32 checksum]</c>. Exactly one kind-0 section holds the
/// command body; each kind-1 section (<c>int32 size, cstring identifier, documents...</c>) becomes an array field
/// named by its identifier, which is how drivers send the documents of insert/update/delete.
/// </summary>
internal static class OpMsgParser
{
    private const int FlagBitsOffset = MessageHeader.Length;
    private const int FirstSectionOffset = FlagBitsOffset + sizeof(uint);
    private const int ChecksumLength = sizeof(uint);
    private const byte BodySection = 0;
    private const byte DocumentSequenceSection = 1;
    private const string StorableSequence = "documents";

    public static WireRequest Parse(ReadOnlyMemory<byte> message, MessageHeader header)
    {
        var span = message.Span;
        if (message.Length < FirstSectionOffset + 1) throw new MalformedMessageException("OP_MSG is too short");

        var flags = (OpMsgFlags)BinaryPrimitives.ReadUInt32LittleEndian(span[FlagBitsOffset..]);
        var unknownRequired = flags & OpMsgFlags.RequiredBitsMask & ~OpMsgFlags.KnownRequiredBits;
        if (unknownRequired != 0) throw new MalformedMessageException($"OP_MSG carries unknown required flag bits 0x{(uint)unknownRequired:X}");

        var sectionsEnd = message.Length;
        if (flags.HasFlag(OpMsgFlags.ChecksumPresent))
        {
            sectionsEnd -= ChecksumLength;
            if (sectionsEnd < FirstSectionOffset + 1) throw new MalformedMessageException("OP_MSG is too short for its checksum");
            var expected = BinaryPrimitives.ReadUInt32LittleEndian(span[sectionsEnd..]);
            if (Crc32C.Compute(span[..sectionsEnd]) != expected) throw new MalformedMessageException("OP_MSG checksum mismatch");
        }

        BsonDocument? body = null;
        List<(string Identifier, BsonArray Documents)>? sequences = null;
        var position = FirstSectionOffset;
        while (position < sectionsEnd)
        {
            var kind = span[position++];
            switch (kind)
            {
                case BodySection:
                {
                    if (body is not null) throw new MalformedMessageException("OP_MSG has more than one body section");
                    (body, var length) = WireBson.ReadDocument(message[position..sectionsEnd]);
                    position += length;
                    break;
                }
                case DocumentSequenceSection:
                    sequences ??= [];
                    sequences.Add(ReadDocumentSequence(message[position..sectionsEnd], out var sequenceLength));
                    position += sequenceLength;
                    break;
                default:
                    throw new MalformedMessageException($"OP_MSG section kind {kind} is not supported");
            }
        }

        if (body is null) throw new MalformedMessageException("OP_MSG has no body section");
        if (sequences is not null)
        {
            foreach (var (identifier, documents) in sequences)
            {
                if (body.Contains(identifier)) throw new MalformedMessageException($"OP_MSG document sequence '{identifier}' duplicates a body field");
                body[identifier] = documents;
            }
        }

        // A missing $db is a command error (40571), not a framing error: the session answers it.
        var database = body.TryGetValue("$db", out var db) && db.IsString ? db.AsString : null;
        return new WireRequest(header.RequestId, WireOpCode.Msg, body, flags.HasFlag(OpMsgFlags.MoreToCome), database);
    }

    private static (string Identifier, BsonArray Documents) ReadDocumentSequence(ReadOnlyMemory<byte> bytes, out int sequenceLength)
    {
        var span = bytes.Span;
        if (span.Length < sizeof(int)) throw new MalformedMessageException("OP_MSG document sequence is truncated");
        sequenceLength = BinaryPrimitives.ReadInt32LittleEndian(span);
        if (sequenceLength < sizeof(int) + 1 || sequenceLength > span.Length) throw new MalformedMessageException($"invalid OP_MSG document sequence size {sequenceLength}");

        var sequence = bytes[..sequenceLength];
        var terminator = sequence.Span[sizeof(int)..].IndexOf((byte)0);
        if (terminator < 0) throw new MalformedMessageException("OP_MSG document sequence identifier is not terminated");
        var identifier = DecodeIdentifier(sequence.Span.Slice(sizeof(int), terminator));

        // insert's documents keep their bytes: stored unchanged, they need no second serialisation.
        var storable = identifier == StorableSequence;
        var documents = new BsonArray();
        var position = sizeof(int) + terminator + 1;
        while (position < sequenceLength)
        {
            var (document, length) = storable ? WireBson.ReadStorableDocument(sequence[position..]) : WireBson.ReadDocument(sequence[position..]);
            documents.Add(document);
            position += length;
        }
        return (identifier, documents);
    }

    private static string DecodeIdentifier(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var identifier = StrictUtf8.GetString(bytes);
            if (identifier.Length == 0) throw new MalformedMessageException("OP_MSG document sequence identifier is empty");
            return identifier;
        }
        catch (DecoderFallbackException ex)
        {
            throw new MalformedMessageException("OP_MSG document sequence identifier is not UTF-8", ex);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
