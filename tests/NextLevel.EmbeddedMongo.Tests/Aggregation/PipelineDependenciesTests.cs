using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Aggregation;

namespace NextLevel.EmbeddedMongo.Tests.Aggregation;

public sealed class PipelineDependenciesTests
{
    private static IReadOnlySet<string>? Fields(string pipeline) =>
        PipelineDependencies.TopLevelFields(BsonSerializerArray(pipeline));

    private static BsonArray BsonSerializerArray(string json) => MongoDB.Bson.Serialization.BsonSerializer.Deserialize<BsonArray>(json);

    [Fact]
    public void A_group_after_a_match_reads_the_fields_both_name()
    {
        var fields = Fields("""
            [{ $match: { receivedAt: { $gte: ISODate('2026-01-01') }, 'qualification.qualified': true } },
             { $group: { _id: '$status', n: { $sum: 1 }, avg: { $avg: '$qualification.score' },
                         c: { $sum: { $size: { $ifNull: ['$contactAttempts', []] } } } } }]
            """);

        Assert.NotNull(fields);
        Assert.Superset(new HashSet<string> { "_id", "receivedAt", "qualification", "status", "contactAttempts" }, (HashSet<string>)fields);
        Assert.DoesNotContain("contact", fields);
    }

    [Fact]
    public void An_inclusion_project_reads_its_keys_and_paths()
    {
        var fields = Fields("[{ $match: { a: 1 } }, { $project: { _id: 0, b: 1, s: { $subtract: [{ $min: '$c.t' }, '$d'] } } }]");

        Assert.Equal(new HashSet<string> { "_id", "a", "b", "s", "c", "d" }, fields);
    }

    [Theory]
    [InlineData("[{ $match: { a: 1 } }]")]
    [InlineData("[{ $match: { a: 1 } }, { $sort: { b: 1 } }, { $limit: 5 }]")]
    [InlineData("[{ $project: { big: 0 } }, { $group: { _id: '$a' } }]")]
    [InlineData("[{ $unwind: '$a' }, { $group: { _id: '$a' } }]")]
    [InlineData("[{ $group: { _id: '$a', first: { $first: '$$ROOT' } } }]")]
    [InlineData("[{ $match: { $text: { $search: 'x' } } }, { $group: { _id: null, n: { $sum: 1 } } }]")]
    [InlineData("[{ $addFields: { x: 1 } }, { $group: { _id: '$x' } }]")]
    public void Pipelines_that_can_pass_on_whole_documents_read_them_whole(string pipeline) => Assert.Null(Fields(pipeline));

    [Fact]
    public void Variables_of_the_pipeline_are_not_fields()
    {
        var fields = Fields("""
            [{ $project: { n: { $size: { $filter: { input: '$appointments', as: 'a', cond: { $in: ['$$a.status', ['scheduled']] } } } } } }]
            """);

        Assert.Equal(new HashSet<string> { "_id", "n", "appointments", "input", "as", "cond" }, fields);
    }

    [Fact]
    public void Read_decodes_only_the_named_fields_in_stored_order()
    {
        var document = new BsonDocument { { "_id", 7 }, { "big", new BsonDocument("x", new BsonArray { 1, 2, 3 }) }, { "status", "new" }, { "score", 0.5 } };

        var read = PipelineDependencies.Read(document.ToBson(), new HashSet<string> { "_id", "score", "status", "absent" });

        Assert.Equal(new BsonDocument { { "_id", 7 }, { "status", "new" }, { "score", 0.5 } }, read);
    }
}
