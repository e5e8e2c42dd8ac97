using MongoDB.Bson;
using NextLevel.EmbeddedMongo.Engine;
using NextLevel.EmbeddedMongo.Planner;
using NextLevel.EmbeddedMongo.Storage;
using NextLevel.EmbeddedMongo.Tests.Storage;

namespace NextLevel.EmbeddedMongo.Tests.Indexes;

/// <summary>Whole-key lookups on unique indexes (answered by hash for string, ObjectId, date and boolean keys) stay exact through every change.</summary>
public sealed class UniqueKeyLookupTests
{
    [Fact]
    public async Task A_compound_unique_key_follows_inserts_replacements_and_deletes()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.CreateIndexAsync("leads", BsonDocument.Parse("{ key: { source: 1, externalId: 1 }, unique: true }"));
        var first = await engine.InsertAsync("leads", Lead(1, "zillow", "EXT-1"));
        await engine.InsertAsync("leads", Lead(2, "zillow", "EXT-2"));

        Assert.Equal([1], Find(engine, "{ source: 'zillow', externalId: 'EXT-1' }"));
        await engine.WriteAsync(writer =>
        {
            writer.Replace(writer.Collection("test", "leads")!, first, Lead(1, "zillow", "EXT-9"));
            return 0;
        });
        Assert.Empty(Find(engine, "{ source: 'zillow', externalId: 'EXT-1' }"));
        Assert.Equal([1], Find(engine, "{ source: 'zillow', externalId: 'EXT-9' }"));

        // The freed key can be taken by another document; the new one cannot.
        await engine.InsertAsync("leads", Lead(3, "zillow", "EXT-1"));
        var duplicate = await Assert.ThrowsAsync<MongoError>(() => engine.InsertAsync("leads", Lead(4, "zillow", "EXT-9")));
        Assert.Equal(11000, duplicate.Code);

        await engine.WriteAsync(writer =>
        {
            writer.Delete(writer.Collection("test", "leads")!, first);
            return 0;
        });
        Assert.Empty(Find(engine, "{ source: 'zillow', externalId: 'EXT-9' }"));
        Assert.Equal([3], Find(engine, "{ source: 'zillow', externalId: 'EXT-1' }"));
        Assert.Equal([3, 2], Find(engine, "{ source: 'zillow', externalId: { $in: ['EXT-1', 'EXT-2', 'EXT-9'] } }"));
    }

    [Fact]
    public async Task Numeric_unique_keys_still_match_across_number_types()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.CreateIndexAsync("leads", BsonDocument.Parse("{ key: { number: 1 }, unique: true }"));
        await engine.InsertAsync("leads", new BsonDocument { { "_id", 1 }, { "number", 5 } });

        Assert.Equal([1], Find(engine, "{ number: 5.0 }"));
        Assert.Equal([1], Find(engine, "{ number: NumberDecimal('5') }"));
        var duplicate = await Assert.ThrowsAsync<MongoError>(() => engine.InsertAsync("leads", new BsonDocument { { "_id", 2 }, { "number", 5L } }));
        Assert.Equal(11000, duplicate.Code);
    }

    [Fact]
    public async Task A_symbol_and_an_equal_string_are_the_same_unique_key()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        await engine.CreateIndexAsync("leads", BsonDocument.Parse("{ key: { code: 1 }, unique: true }"));
        await engine.InsertAsync("leads", new BsonDocument { { "_id", 1 }, { "code", BsonSymbol.Create("a") } });

        var duplicate = await Assert.ThrowsAsync<MongoError>(() => engine.InsertAsync("leads", new BsonDocument { { "_id", 2 }, { "code", "a" } }));
        Assert.Equal(11000, duplicate.Code);
        Assert.Equal([1], Find(engine, "{ code: 'a' }"));
    }

    [Fact]
    public async Task Id_lookups_are_exact_after_an_index_build_over_existing_documents()
    {
        await using var engine = await StorageTestSupport.OpenMemoryAsync();
        var ids = Enumerable.Range(0, 50).Select(_ => ObjectId.GenerateNewId()).ToArray();
        foreach (var id in ids) await engine.InsertAsync("leads", new BsonDocument { { "_id", id }, { "email", id.ToString() } });
        await engine.CreateIndexAsync("leads", BsonDocument.Parse("{ key: { email: 1 }, unique: true }"));

        var plan = Plan(engine, new BsonDocument("email", ids[17].ToString()));
        Assert.Equal("IXSCAN { email: 1 }", plan.Summary);
        Assert.Equal(ids[17], Assert.Single(Candidates(engine, plan))["_id"].AsObjectId);
        Assert.Equal(1, plan.KeysExamined);
        Assert.Single(Candidates(engine, Plan(engine, new BsonDocument("_id", ids[33]))));
        Assert.Empty(Candidates(engine, Plan(engine, new BsonDocument("_id", ObjectId.GenerateNewId()))));
    }

    private static BsonDocument Lead(int id, string source, string externalId) =>
        new() { { "_id", id }, { "source", source }, { "externalId", externalId } };

    private static List<int> Find(StorageEngine engine, string filter) =>
        Candidates(engine, Plan(engine, BsonDocument.Parse(filter))).Select(document => document["_id"].AsInt32).ToList();

    private static QueryPlan Plan(StorageEngine engine, BsonDocument filter) =>
        engine.Read(reader => QueryPlanner.Plan(reader.Collection("test", "leads")!, filter, null, null));

    private static List<BsonDocument> Candidates(StorageEngine engine, QueryPlan plan) =>
        engine.Read(_ => plan.Candidates.Select(stored => stored.ToBsonDocument()).ToList());
}
