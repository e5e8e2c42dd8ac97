using System.Buffers.Binary;
using System.Text;

namespace NextLevel.EmbeddedMongo.Storage.Durability;

/// <summary>A journal record about one document: insert and replace carry the document's bytes, delete does not.</summary>
internal readonly record struct DocumentRecord(long Lsn, string Op, string Ns, long RecordId, int DocumentOffset, int DocumentLength);

/// <summary>
/// Encodes the journal's insert and replace records, <c>{ lsn: Int64, op: String, ns: String, rid: Int64,
/// doc: BinData(0, document) }</c>, directly into the journal buffer: byte for byte what serialising the equivalent
/// <see cref="MongoDB.Bson.BsonDocument"/> gives, without building it or copying the document twice (the hot path
/// of every insert and update). Decodes insert, replace and delete records the same way at recovery, where they
/// are nearly all of the journal; any other record (or an unexpected layout) is left to the general BSON path.
/// [Stateless - ThreadSafe]
/// </summary>
internal static class DocumentRecordCodec
{
    private const byte Int64Type = 0x12;
    private const byte StringType = 0x02;
    private const byte BinaryType = 0x05;
    private const byte GenericBinarySubtype = 0x00;

    /// <summary>The payload length of the record.</summary>
    public static int Length(string op, string ns, byte[] document) =>
        sizeof(int)
        + Int64Element("lsn")
        + StringElement("op", op)
        + StringElement("ns", ns)
        + Int64Element("rid")
        + 1 + "doc".Length + 1 + sizeof(int) + 1 + document.Length
        + 1;

    public static void Write(Span<byte> payload, long lsn, string op, string ns, long recordId, byte[] document)
    {
        BinaryPrimitives.WriteInt32LittleEndian(payload, payload.Length);
        var position = sizeof(int);
        position = WriteInt64(payload, position, "lsn", lsn);
        position = WriteString(payload, position, "op", op);
        position = WriteString(payload, position, "ns", ns);
        position = WriteInt64(payload, position, "rid", recordId);
        position = WriteName(payload, position, BinaryType, "doc");
        BinaryPrimitives.WriteInt32LittleEndian(payload[position..], document.Length);
        position += sizeof(int);
        payload[position++] = GenericBinarySubtype;
        document.CopyTo(payload[position..]);
        position += document.Length;
        payload[position++] = 0;
        if (position != payload.Length) throw new InvalidOperationException("Journal record length mismatch.");
    }

    /// <summary>
    /// Reads an insert, replace or delete record from a checksummed payload; false for any other record or layout
    /// (the caller then deserialises it as a document).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, out DocumentRecord record)
    {
        record = default;
        if (payload.Length < 5 || BinaryPrimitives.ReadInt32LittleEndian(payload) != payload.Length || payload[^1] != 0) return false;
        long? lsn = null, recordId = null;
        string? op = null, ns = null;
        int documentOffset = -1, documentLength = 0;
        var position = sizeof(int);
        var end = payload.Length - 1;
        while (position < end)
        {
            var type = payload[position++];
            var nameLength = payload[position..end].IndexOf((byte)0);
            if (nameLength < 0) return false;
            var name = payload.Slice(position, nameLength);
            position += nameLength + 1;
            switch (type)
            {
                case Int64Type when position + sizeof(long) <= end:
                {
                    var value = BinaryPrimitives.ReadInt64LittleEndian(payload[position..]);
                    position += sizeof(long);
                    if (name.SequenceEqual("lsn"u8)) lsn = value;
                    else if (name.SequenceEqual("rid"u8)) recordId = value;
                    else return false;
                    break;
                }
                case StringType when position + sizeof(int) <= end:
                {
                    var length = BinaryPrimitives.ReadInt32LittleEndian(payload[position..]);
                    if (length < 1 || length > end - position - sizeof(int)) return false;
                    var value = Encoding.UTF8.GetString(payload.Slice(position + sizeof(int), length - 1));
                    position += sizeof(int) + length;
                    if (name.SequenceEqual("op"u8)) op = value;
                    else if (name.SequenceEqual("ns"u8)) ns = value;
                    else return false;
                    break;
                }
                case BinaryType when position + sizeof(int) + 1 <= end && name.SequenceEqual("doc"u8):
                {
                    var length = BinaryPrimitives.ReadInt32LittleEndian(payload[position..]);
                    if (length < 5 || length > end - position - sizeof(int) - 1 || payload[position + sizeof(int)] != GenericBinarySubtype) return false;
                    documentOffset = position + sizeof(int) + 1;
                    documentLength = length;
                    position = documentOffset + length;
                    break;
                }
                default:
                    return false;
            }
        }
        if (position != end || lsn is null || recordId is null || ns is null) return false;
        var carriesDocument = op is MutationRecords.InsertOp or MutationRecords.ReplaceOp;
        if (!carriesDocument && op != MutationRecords.DeleteOp) return false;
        if (carriesDocument != documentOffset >= 0) return false;
        record = new DocumentRecord(lsn.Value, op!, ns, recordId.Value, documentOffset, documentLength);
        return true;
    }

    private static int Int64Element(string name) => 1 + name.Length + 1 + sizeof(long);

    private static int StringElement(string name, string value) => 1 + name.Length + 1 + sizeof(int) + Encoding.UTF8.GetByteCount(value) + 1;

    private static int WriteName(Span<byte> payload, int position, byte type, string name)
    {
        payload[position++] = type;
        position += Encoding.ASCII.GetBytes(name, payload[position..]);
        payload[position++] = 0;
        return position;
    }

    private static int WriteInt64(Span<byte> payload, int position, string name, long value)
    {
        position = WriteName(payload, position, Int64Type, name);
        BinaryPrimitives.WriteInt64LittleEndian(payload[position..], value);
        return position + sizeof(long);
    }

    private static int WriteString(Span<byte> payload, int position, string name, string value)
    {
        position = WriteName(payload, position, StringType, name);
        var length = Encoding.UTF8.GetBytes(value, payload[(position + sizeof(int))..]);
        BinaryPrimitives.WriteInt32LittleEndian(payload[position..], length + 1);
        position += sizeof(int) + length;
        payload[position++] = 0;
        return position;
    }
}
