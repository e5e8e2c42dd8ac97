using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.EmbeddedMongo.Tests.Commands;

/// <summary>
/// countDocuments and the count command answered from an index's keys (COUNT_SCAN) or the collection's count give the
/// same numbers as reading the documents, and shapes the keys cannot answer still count by reading them.
/// </summary>
public sealed class IndexOnlyCountTests(EmbeddedServerFixture fixture) : IClassFixture<EmbeddedServerFixture>
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly IMongoDatabase _database = fixture.Client.GetDatabase("index_only_count_tests");

    private async Task<IMongoCollection<BsonDocument>> LeadsAsync(string name)
    {
        var collection = _database.GetCollection<BsonDocument>(name);
        await collection.Indexes.CreateManyAsync(
        [
            new CreateIndexModel<BsonDocument>(new BsonDocument { { "status", 1 }, { "receivedAt", -1 } }),
            new CreateIndexModel<BsonDocument>(new BsonDocument("score", 1)),
            new CreateIndexModel<BsonDocument>(new BsonDocument("tags", 1)),
        ]);
        await collection.InsertManyAsync(Enumerable.Range(0, 300).Select(i =>
        {
            var lead = new BsonDocument
            {
                { "_id", i },
                { "receivedAt", new BsonDateTime(Start.AddHours(i)) },
                { "tags", new BsonArray { "t" + i % 3, "t" + i % 5 } },
            };
            if (i % 7 != 0) lead["status"] = i % 3 == 0 ? "qualified" : "contacted";
            if (i % 11 == 0) lead["status"] = BsonNull.Value;
            lead["score"] = i % 13 == 0 ? double.NaN : i % 2 == 0 ? new BsonInt32(i % 10) : new BsonDouble(i % 10 + 0.5);
            return lead;
        }));
        return collection;
    }

    public static TheoryData<string> Filters() =>
    [
        "{ status: 'qualified' }",
        "{ status: { $in: ['qualified', 'contacted'] } }",
        "{ status: null }",
        "{ status: 'qualified', receivedAt: { $gte: ISODate('2026-01-03T00:00:00Z'), $lt: ISODate('2026-01-08T00:00:00Z') } }",
        "{ $and: [{ status: 'contacted' }, { receivedAt: { $lt: ISODate('2026-01-05T00:00:00Z') } }] }",
        "{ score: { $lt: 4 } }",
        "{ score: { $gte: 2, $lte: 6 } }",
        "{ score: 3 }",
        "{ tags: 't1' }",
        "{ status: 'qualified', score: 4 }",
        "{ receivedAt: { $gte: ISODate('2026-01-05T00:00:00Z') } }",
        "{ $or: [{ status: 'qualified' }, { score: 1 }] }",
        "{ status: { $ne: 'qualified' } }",
        "{ status: /^qual/ }",
        "{ status: { $exists: false } }",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task CountDocuments_gives_the_number_of_matching_documents(string filterJson)
    {
        var leads = await LeadsAsync("count_documents_" + Math.Abs(filterJson.GetHashCode(StringComparison.Ordinal)));
        var filter = BsonDocument.Parse(filterJson);
        var matching = (await leads.Find(filter).Project(new BsonDocument("_id", 1)).ToListAsync()).Count;

        Assert.Equal(matching, await leads.CountDocumentsAsync(filter));
        var command = await _database.RunCommandAsync<BsonDocument>(new BsonDocument { { "count", leads.CollectionNamespace.CollectionName }, { "query", filter } });
        Assert.Equal(matching, command["n"].ToInt64());
        // countDocuments with skip and limit is another pipeline shape: counted by reading the documents.
        Assert.Equal(Math.Min(Math.Max(matching - 3, 0), 10), await leads.CountDocumentsAsync(filter, new CountOptions { Skip = 3, Limit = 10 }));
    }

    [Fact]
    public async Task A_count_of_nothing_is_zero_and_the_group_returns_no_document()
    {
        var leads = await LeadsAsync("count_nothing");

        Assert.Equal(0, await leads.CountDocumentsAsync(new BsonDocument("status", "converted")));
        var rows = await leads.Aggregate<BsonDocument>(new BsonDocument[]
        {
            new("$match", new BsonDocument("status", "converted")),
            new("$group", new BsonDocument { { "_id", BsonNull.Value }, { "total", new BsonDocument("$sum", 1) } }),
        }).ToListAsync();
        Assert.Empty(rows);
    }

    [Fact]
    public async Task A_group_count_keeps_its_own_id_and_field_name()
    {
        var leads = await LeadsAsync("count_named");

        var rows = await leads.Aggregate<BsonDocument>(new BsonDocument[]
        {
            new("$match", new BsonDocument("status", "qualified")),
            new("$group", new BsonDocument { { "_id", "all" }, { "total", new BsonDocument("$sum", 1) } }),
        }).ToListAsync();

        var row = Assert.Single(rows);
        Assert.Equal("all", row["_id"].AsString);
        Assert.Equal((await leads.Find(new BsonDocument("status", "qualified")).ToListAsync()).Count, row["total"].AsInt32);
    }
}
