using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Seeding;
using NextLevel.Domain.Persistence;
using NextLevel.EmbeddedMongo;

namespace NextLevel.Api.Tests.DataTools;

public sealed class DemoDataSeederTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTime Now = new(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc);
    private EmbeddedMongoServer _server = null!;
    private MongoClient _client = null!;

    public async Task InitializeAsync()
    {
        DomainMongoMappings.Register();
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { Port = 0 });
        _client = new MongoClient(_server.ConnectionString);
    }

    public void Dispose() => _client.Dispose();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
    }

    private IMongoDatabase NewDatabase() => _client.GetDatabase("seed_" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public async Task Same_seed_gives_identical_documents()
    {
        var first = NewDatabase();
        var second = NewDatabase();

        await new DemoDataSeeder(first).RunAsync(new SeedOptions(300, 7, Now), null, default);
        await new DemoDataSeeder(second).RunAsync(new SeedOptions(300, 7, Now), null, default);

        foreach (var name in new[] { CollectionNames.Leads, CollectionNames.Calls, CollectionNames.Properties, CollectionNames.ConsentLogs })
        {
            var a = await first.GetCollection<BsonDocument>(name).Find(FilterDefinition<BsonDocument>.Empty).Sort("{ _id: 1 }").ToListAsync();
            var b = await second.GetCollection<BsonDocument>(name).Find(FilterDefinition<BsonDocument>.Empty).Sort("{ _id: 1 }").ToListAsync();
            Assert.Equal(a.Count, b.Count);
            Assert.True(a.SequenceEqual(b), $"{name} differs between two runs with the same seed");
        }
    }

    [Fact]
    public async Task Seeded_documents_refer_to_each_other_consistently()
    {
        var database = NewDatabase();

        var summary = await new DemoDataSeeder(database).RunAsync(new SeedOptions(500, 11, Now), null, default);

        Assert.Equal(500, summary.DocumentsPerCollection[CollectionNames.Leads]);
        var leads = await database.GetCollection<BsonDocument>(CollectionNames.Leads).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();
        var leadIds = leads.Select(l => l["_id"]).ToHashSet();
        var contactIds = (await database.GetCollection<BsonDocument>(CollectionNames.Contacts).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync()).Select(c => c["_id"]).ToHashSet();
        var campaignIds = (await database.GetCollection<BsonDocument>(CollectionNames.Campaigns).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync()).Select(c => c["_id"]).ToHashSet();
        Assert.All(leads, l => Assert.Contains(l["contactId"], contactIds));
        Assert.All(leads, l => Assert.Contains(l["campaignId"], campaignIds));

        var calls = await database.GetCollection<BsonDocument>(CollectionNames.Calls).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();
        Assert.All(calls, c => Assert.Contains(c["leadId"], leadIds));
        var attemptCallIds = leads.SelectMany(l => l["contactAttempts"].AsBsonArray).Select(a => a["callId"]).ToHashSet();
        Assert.Equal(calls.Select(c => c["_id"]).ToHashSet(), attemptCallIds);

        // Every lead with written consent has exactly one consent_granted event; every DNC lead has an internal DNC entry.
        var granted = await database.GetCollection<BsonDocument>(CollectionNames.ConsentLogs).CountDocumentsAsync(new BsonDocument("eventType", "consent_granted"));
        Assert.Equal(leads.Count(l => l["consent"]["hasWrittenConsent"].AsBoolean), granted);
        var dncLeads = leads.Where(l => l["status"] == "dnc").Select(l => l["contact"]["phone"]).ToHashSet();
        var internalDnc = (await database.GetCollection<BsonDocument>(CollectionNames.DncRegistry).Find(new BsonDocument("source", "internal")).ToListAsync()).Select(d => d["phone"]).ToHashSet();
        Assert.Equal(dncLeads, internalDnc);
    }

    [Fact]
    public async Task Seeded_consent_events_form_valid_ledger_chains()
    {
        var database = NewDatabase();

        await new DemoDataSeeder(database).RunAsync(new SeedOptions(400, 11, Now), null, default);

        var result = await new NextLevel.Domain.Compliance.Ledger.ConsentLedgerVerifier(database, TimeProvider.System).VerifyAllAsync();
        Assert.True(result.Valid, result.FirstMismatch?.ToString());
        Assert.Equal(await database.GetCollection<BsonDocument>(CollectionNames.ConsentLogs).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty), result.EntriesChecked);
        Assert.True(result.ChainsChecked > 0);
    }

    [Fact]
    public async Task Seeding_a_database_with_data_is_refused_and_writes_nothing()
    {
        var database = NewDatabase();
        await new DemoDataSeeder(database).RunAsync(new SeedOptions(50, 1, Now), null, default);
        var before = await database.GetCollection<BsonDocument>(CollectionNames.Leads).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty);

        await Assert.ThrowsAsync<InvalidOperationException>(() => new DemoDataSeeder(database).RunAsync(new SeedOptions(50, 2, Now), null, default));

        Assert.Equal(before, await database.GetCollection<BsonDocument>(CollectionNames.Leads).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty));
    }
}
