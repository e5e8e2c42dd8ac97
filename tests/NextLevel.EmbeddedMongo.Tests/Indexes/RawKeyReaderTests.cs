using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Indexes;
using NextLevel.EmbeddedMongo.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Indexes;

public sealed class RawKeyReaderTests
{
    private static readonly string[] Documents =
    [
        "{ _id: 1, a: 5, b: { c: 'x', d: { e: ISODate('2024-01-01T00:00:00Z') } } }",
        "{ _id: ObjectId('5f0c1b2a3d4e5f6a7b8c9d0e'), a: NumberLong(7), b: { c: null } }",
        "{ _id: 'k', a: 1.5, b: 3 }",
        "{ _id: 2, a: NumberDecimal('12.34'), b: { c: true, x: /re/ } }",
        "{ _id: 3, a: Timestamp(5, 6), b: { c: { $minKey: 1 } }, z: { $maxKey: 1 } }",
        "{ _id: 4, a: undefined, b: { c: [1, 2] } }",
        "{ _id: 5, a: [1, 2], b: { c: 'y' } }",
        "{ _id: 6, b: [{ c: 1 }, { c: 2 }] }",
        "{ _id: 7, a: { nested: 1 }, b: { c: BinData(0, 'AQI=') } }",
        "{ _id: 8, a: '', 'b': { 'c': 'ünïcödé' } }",
    ];

    private static readonly string[] KeyPatterns =
    [
        "{ _id: 1 }",
        "{ a: 1 }",
        "{ 'b.c': 1 }",
        "{ 'b.d.e': -1 }",
        "{ a: 1, 'b.c': -1 }",
        "{ 'b.c.missing': 1 }",
        "{ z: 1, a: 1 }",
    ];

    [Fact]
    public void Keys_read_from_bytes_equal_keys_from_the_deserialised_document()
    {
        var readFromBytes = 0;
        foreach (var pattern in KeyPatterns)
        {
            var index = new IndexStore(IndexDefinition.FromSpec(new BsonDocument("key", BsonDocument.Parse(pattern))));
            foreach (var json in Documents)
            {
                var document = BsonDocument.Parse(json);
                var expected = index.KeyGenerator.Generate(document);
                if (!index.KeyGenerator.TryGenerate(document.ToBson(), out var actual)) continue;
                readFromBytes++;
                Assert.False(expected.IsMultikey);
                Assert.Equal(expected.AllFieldsMissing, actual.AllFieldsMissing);
                var expectedKey = Assert.Single(expected.Keys);
                var actualKey = Assert.Single(actual.Keys);
                for (var field = 0; field < index.Pattern.Paths.Length; field++)
                {
                    var expectedValue = IndexEntry.ValueAt(expectedKey, field);
                    var actualValue = IndexEntry.ValueAt(actualKey, field);
                    Assert.Equal(expectedValue.BsonType, actualValue.BsonType);
                    Assert.Equal(expectedValue, actualValue);
                }
            }
        }
        Assert.True(readFromBytes > 30, $"only {readFromBytes} documents were read from bytes");
    }

    [Theory]
    [InlineData("{ a: [1, 2] }", "{ a: 1 }")]
    [InlineData("{ b: [{ c: 1 }] }", "{ 'b.c': 1 }")]
    [InlineData("{ a: { x: 1 } }", "{ a: 1 }")]
    public void Arrays_and_embedded_values_need_the_document(string json, string pattern)
    {
        var index = new IndexStore(IndexDefinition.FromSpec(new BsonDocument("key", BsonDocument.Parse(pattern))));
        Assert.False(index.KeyGenerator.TryGenerate(BsonDocument.Parse(json).ToBson(), out _));
    }
}
