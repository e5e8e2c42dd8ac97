using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Storage.Durability;

namespace NextLevel.EmbeddedMongo.Tests.Storage;

public sealed class DocumentRecordCodecTests
{
    private static readonly byte[] Document = new BsonDocument { { "_id", 7 }, { "name", "Zoë" }, { "tags", new BsonArray { "a", "b" } } }.ToBson();

    [Theory]
    [InlineData("insert", "db.leads")]
    [InlineData("replace", "données.collection")]
    public void Encoded_record_is_the_bson_of_the_equivalent_document(string op, string ns)
    {
        var expected = new BsonDocument { { "lsn", 42L }, { "op", op }, { "ns", ns }, { "rid", 9L }, { "doc", new BsonBinaryData(Document) } }.ToBson();

        var payload = new byte[DocumentRecordCodec.Length(op, ns, Document)];
        DocumentRecordCodec.Write(payload, 42, op, ns, 9, Document);

        Assert.Equal(expected, payload);
    }

    [Fact]
    public void Decoding_an_encoded_record_gives_back_its_fields_and_document()
    {
        var payload = new byte[DocumentRecordCodec.Length("replace", "db.leads", Document)];
        DocumentRecordCodec.Write(payload, 5, "replace", "db.leads", 77, Document);

        Assert.True(DocumentRecordCodec.TryDecode(payload, out var record));
        Assert.Equal((5L, "replace", "db.leads", 77L), (record.Lsn, record.Op, record.Ns, record.RecordId));
        Assert.Equal(Document, payload.AsSpan(record.DocumentOffset, record.DocumentLength).ToArray());
    }

    [Fact]
    public void Delete_records_decode_without_a_document()
    {
        var payload = new BsonDocument { { "lsn", 3L }, { "op", "delete" }, { "ns", "db.leads" }, { "rid", 12L } }.ToBson();

        Assert.True(DocumentRecordCodec.TryDecode(payload, out var record));
        Assert.Equal((3L, "delete", 12L), (record.Lsn, record.Op, record.RecordId));
    }

    [Fact]
    public void Other_records_and_unexpected_layouts_are_left_to_the_general_decoder()
    {
        byte[][] others =
        [
            new BsonDocument { { "lsn", 1L }, { "op", "createIndex" }, { "ns", "db.leads" }, { "spec", new BsonDocument("key", new BsonDocument("a", 1)) } }.ToBson(),
            new BsonDocument { { "lsn", 1L }, { "op", "insert" }, { "ns", "db.leads" }, { "rid", 1L } }.ToBson(),
            new BsonDocument { { "lsn", 1L }, { "op", "delete" }, { "ns", "db.leads" }, { "rid", 1L }, { "doc", new BsonBinaryData(Document) } }.ToBson(),
            new BsonDocument { { "lsn", 1 }, { "op", "insert" }, { "ns", "db.leads" }, { "rid", 1L }, { "doc", new BsonBinaryData(Document) } }.ToBson(),
            new BsonDocument { { "lsn", 1L }, { "op", "insert" }, { "ns", "db.leads" }, { "rid", 1L }, { "doc", new BsonBinaryData(Document, BsonBinarySubType.UserDefined) } }.ToBson(),
            [5, 0, 0, 0],
        ];
        foreach (var payload in others) Assert.False(DocumentRecordCodec.TryDecode(payload, out _));
    }
}
