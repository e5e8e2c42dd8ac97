using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.EmbeddedMongo.Query;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

/// <summary>
/// A find whose inclusion projection is served from only the projected fields of each stored document returns
/// exactly what the projection applied to the whole document returns.
/// </summary>
public sealed class FindProjectionPartialReadTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private readonly IMongoDatabase _database = fixture.Client.GetDatabase("find_projection_partial_read_tests");

    public static TheoryData<string> Projections() =>
    [
        "{ status: 1, 'cost.totalCost': 1 }",
        "{ _id: 0, outcome: 1, duration: 1, 'sentiment.overall': 1 }",
        "{ keyMoments: { $slice: 2 }, status: 1 }",
        "{ minutes: { $divide: ['$duration', 60] }, status: 1 }",
        "{ 'keyMoments.label': 1 }",
    ];

    [Theory]
    [MemberData(nameof(Projections))]
    public async Task Projected_documents_equal_the_projection_of_whole_documents(string projectionJson)
    {
        var calls = _database.GetCollection<BsonDocument>("calls_" + Math.Abs(projectionJson.GetHashCode(StringComparison.Ordinal)));
        var stored = Enumerable.Range(0, 60).Select(i =>
        {
            var call = new BsonDocument
            {
                { "_id", i },
                { "status", i % 3 == 0 ? "completed" : "failed" },
                { "transcript", new string('x', 500) },
                { "keyMoments", new BsonArray(Enumerable.Range(0, i % 4).Select(k => new BsonDocument { { "label", "m" + k }, { "at", k * 10 } })) },
            };
            if (i % 5 != 0) call["duration"] = i * 7;
            if (i % 2 == 0) call["cost"] = new BsonDocument { { "totalCost", new BsonDecimal128(i / 10m) }, { "twilio", 0.01 } };
            if (i % 4 == 0) call["sentiment"] = new BsonDocument { { "overall", i / 100.0 }, { "curve", new BsonArray { 0.1, 0.2 } } };
            if (i % 6 == 0) call["outcome"] = "qualified";
            return call;
        }).ToList();
        await calls.InsertManyAsync(stored);
        var projection = BsonDocument.Parse(projectionJson);
        var filter = new BsonDocument("status", "completed");
        var expected = stored.Where(call => call["status"] == "completed").Select(call => Projection.Parse(projection).Apply(call)).ToList();

        var found = await calls.Find(filter).Project(projection).ToListAsync();

        Assert.Equal(expected, found);
    }
}
