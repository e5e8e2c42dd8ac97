using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

/// <summary>
/// A $match + $group over fields an index holds, answered from the index keys, gives what reading the documents
/// gives (the same pipeline with a hint, which always reads documents).
/// </summary>
public sealed class CoveredGroupTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly IMongoDatabase _database = fixture.Client.GetDatabase("covered_group_tests");

    public static TheoryData<string> Pipelines() =>
    [
        "[{ $match: { initiatedAt: { $gte: ISODate('2026-01-02T00:00:00Z'), $lt: ISODate('2026-01-06T00:00:00Z') } } }, { $group: { _id: null, totalCost: { $sum: '$cost.totalCost' } } }]",
        "[{ $match: { initiatedAt: { $gte: ISODate('2026-01-02T00:00:00Z') } } }, { $group: { _id: 'all', n: { $sum: 1 }, avg: { $avg: '$cost.totalCost' }, low: { $min: '$cost.totalCost' }, high: { $max: '$cost.totalCost' } } }]",
        "[{ $match: { initiatedAt: { $lt: ISODate('2025-01-01T00:00:00Z') } } }, { $group: { _id: null, totalCost: { $sum: '$cost.totalCost' } } }]",
        // Not covered (a field outside the index, a condition the bounds do not express): read from documents.
        "[{ $match: { initiatedAt: { $gte: ISODate('2026-01-02T00:00:00Z') } } }, { $group: { _id: null, d: { $sum: '$duration' } } }]",
        "[{ $match: { initiatedAt: { $gte: ISODate('2026-01-02T00:00:00Z') }, status: 'completed' } }, { $group: { _id: null, c: { $sum: '$cost.totalCost' } } }]",
    ];

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task A_group_answered_from_index_keys_equals_the_group_over_documents(string pipelineJson)
    {
        var calls = _database.GetCollection<BsonDocument>("calls_" + Math.Abs(pipelineJson.GetHashCode(StringComparison.Ordinal)));
        await calls.Indexes.CreateOneAsync(new CreateIndexModel<BsonDocument>(new BsonDocument { { "initiatedAt", -1 }, { "cost.totalCost", 1 } }));
        await calls.InsertManyAsync(Enumerable.Range(0, 400).Select(i =>
        {
            var call = new BsonDocument { { "_id", i }, { "initiatedAt", Start.AddMinutes(i * 37) }, { "status", i % 2 == 0 ? "completed" : "failed" }, { "duration", i } };
            call["cost"] = (i % 6) switch
            {
                0 => BsonNull.Value,
                1 => new BsonDocument("totalCost", BsonNull.Value),
                2 => new BsonDocument("twilio", 0.01),
                3 => new BsonDocument("totalCost", new BsonDecimal128(i / 100m)),
                4 => new BsonDocument("totalCost", i / 50.0),
                _ => new BsonDocument("totalCost", i),
            };
            if (i % 11 == 0) call.Remove("cost");
            return call;
        }));
        var pipeline = BsonSerializer.Deserialize<BsonArray>(pipelineJson).Select(stage => stage.AsBsonDocument).ToArray();

        var covered = await calls.Aggregate<BsonDocument>(pipeline).ToListAsync();
        var fromDocuments = await calls.Aggregate<BsonDocument>(pipeline, new AggregateOptions { Hint = new BsonDocument("_id", 1) }).ToListAsync();

        Assert.Equal(fromDocuments, covered);
    }
}
