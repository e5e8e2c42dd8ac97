using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

/// <summary>Aggregations that read only the fields they name give the same answers as whole-document reads.</summary>
public sealed class AggregatePartialReadTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private readonly IMongoDatabase _database = fixture.Client.GetDatabase("aggregate_partial_read_tests");

    private async Task<IMongoCollection<BsonDocument>> LeadsAsync(string name)
    {
        var collection = _database.GetCollection<BsonDocument>(name);
        await collection.InsertManyAsync(Enumerable.Range(1, 40).Select(i =>
        {
            var lead = new BsonDocument
            {
                { "_id", i },
                { "notes", new BsonArray(Enumerable.Range(0, 20).Select(n => new BsonDocument("text", new string('x', 200)))) },
                { "status", i % 2 == 0 ? "new" : "qualified" },
                { "receivedAt", new BsonDateTime(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i)) },
            };
            if (i % 3 == 0) lead["qualification"] = new BsonDocument("score", i / 100.0);
            if (i % 4 == 0) lead["contactAttempts"] = new BsonArray { new BsonDocument("timestamp", lead["receivedAt"].ToUniversalTime().AddMinutes(i)) };
            return lead;
        }));
        return collection;
    }

    [Fact]
    public async Task A_group_over_named_fields_counts_and_averages_as_over_whole_documents()
    {
        var leads = await LeadsAsync("grouped");

        var rows = await leads.Aggregate<BsonDocument>(new BsonDocument[]
        {
            new("$match", new BsonDocument("receivedAt", new BsonDocument("$gte", new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc)))),
            new("$group", new BsonDocument
            {
                { "_id", "$status" },
                { "n", new BsonDocument("$sum", 1) },
                { "avg", new BsonDocument("$avg", "$qualification.score") },
                { "contacted", new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray
                    { new BsonDocument("$gt", new BsonArray { new BsonDocument("$size", new BsonDocument("$ifNull", new BsonArray { "$contactAttempts", new BsonArray() })), 0 }), 1, 0 })) },
                { "notes", new BsonDocument("$sum", new BsonDocument("$size", "$notes")) },
            }),
            new("$sort", new BsonDocument("_id", 1)),
        }).ToListAsync();

        // Leads 10..40: 16 even ("new"), 15 odd ("qualified").
        Assert.Equal(["new", "qualified"], rows.Select(r => r["_id"].AsString));
        Assert.Equal([16, 15], rows.Select(r => r["n"].ToInt32()));
        Assert.Equal([8, 0], rows.Select(r => r["contacted"].ToInt32()));
        Assert.Equal([16 * 20, 15 * 20], rows.Select(r => r["notes"].ToInt32()));
        // "new" scored: 12, 18, 24, 30, 36 → 0.24; "qualified": 15, 21, 27, 33, 39 → 0.27.
        Assert.Equal([0.24, 0.27], rows.Select(r => Math.Round(r["avg"].ToDouble(), 4)));
    }

    [Fact]
    public async Task A_projection_returns_only_its_fields_and_a_match_alone_whole_documents()
    {
        var leads = await LeadsAsync("projected");

        var projected = await leads.Aggregate<BsonDocument>(new BsonDocument[]
        {
            new("$match", new BsonDocument("contactAttempts.0", new BsonDocument("$exists", true))),
            new("$project", new BsonDocument { { "s", new BsonDocument("$subtract", new BsonArray { new BsonDocument("$min", "$contactAttempts.timestamp"), "$receivedAt" }) } }),
        }).ToListAsync();
        var whole = await leads.Aggregate<BsonDocument>(new BsonDocument[] { new("$match", new BsonDocument("_id", 4)) }).SingleAsync();

        Assert.Equal(10, projected.Count);
        Assert.All(projected, p => Assert.Equal(["_id", "s"], p.Names));
        Assert.Equal(4 * 60_000L, projected.Single(p => p["_id"] == 4)["s"].ToInt64());
        Assert.Equal(20, whole["notes"].AsBsonArray.Count);
    }
}
