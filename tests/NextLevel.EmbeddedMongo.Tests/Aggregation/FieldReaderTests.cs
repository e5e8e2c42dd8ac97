using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation;
using NextLevel.EmbeddedMongo.Bson;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

/// <summary>Reading named top-level fields from stored bytes gives exactly what deserialising the whole document gives.</summary>
public sealed class FieldReaderTests
{
    private static readonly string[] Names = ["_id", "status", "cost", "tags", "notes", "score", "when", "blob", "pattern", "naïve"];

    [Fact]
    public void Named_fields_read_from_bytes_equal_the_deserialised_fields_for_random_documents()
    {
        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var document = new BsonDocument();
            foreach (var name in Names)
            {
                if (random.Next(4) > 0) document[name] = RandomValue(random, depth: 0);
            }
            var fields = Names.Where(_ => random.Next(2) == 0).Append("_id").ToHashSet();
            var expected = new BsonDocument(document.Where(element => fields.Contains(element.Name)));

            var read = new PipelineDependencies.FieldReader(fields).Read(document.ToBson());

            Assert.Equal(expected, read);
        }
    }

    private static readonly string[] DottedPaths = ["cost.amount", "cost.détail", "cost.détail.amount", "notes.amount", "tags.amount", "status.amount", "cost.0", "notes.1.amount"];

    [Fact]
    public void Dotted_paths_resolve_to_the_same_values_in_the_partial_document_as_in_the_whole_one()
    {
        var random = new Random(11);
        for (var round = 0; round < 500; round++)
        {
            var document = new BsonDocument();
            foreach (var name in Names)
            {
                if (random.Next(4) > 0) document[name] = RandomValue(random, depth: 0);
            }
            var paths = DottedPaths.Where(_ => random.Next(2) == 0).Append("_id").ToHashSet();

            var read = new PipelineDependencies.FieldReader(paths).Read(document.ToBson());

            foreach (var path in paths)
            {
                var parsed = DocumentPath.Parse(path);
                Assert.Equal(parsed.EnumerateKeyValues(document), parsed.EnumerateKeyValues(read));
                Assert.Equal(parsed.EnumerateCandidates(document).ToList(), parsed.EnumerateCandidates(read).ToList());
            }
        }
    }

    private static BsonValue RandomValue(Random random, int depth) => random.Next(depth < 3 ? 14 : 11) switch
    {
        0 => new BsonString("s" + random.Next(100)),
        1 => new BsonInt32(random.Next()),
        2 => new BsonInt64(random.NextInt64()),
        3 => new BsonDouble(random.NextDouble()),
        4 => new BsonDecimal128(new Decimal128((decimal)random.Next(100000) / 100)),
        5 => new BsonDateTime(DateTime.UnixEpoch.AddSeconds(random.Next())),
        6 => BsonNull.Value,
        7 => random.Next(2) == 0 ? BsonBoolean.True : BsonBoolean.False,
        8 => ObjectId.GenerateNewId(),
        // Types the raw decoder leaves to the driver: the whole read falls back and must still be right.
        9 => new BsonBinaryData([1, 2, 3]),
        10 => new BsonRegularExpression("^a", "i"),
        11 => new BsonDocument { { "amount", RandomValue(random, depth + 1) }, { "détail", RandomValue(random, depth + 1) } },
        _ => new BsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1))),
    };
}
