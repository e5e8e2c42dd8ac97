using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Seeding;
using NextLevel.Domain.Persistence;
using NextLevel.EmbeddedMongo;

namespace NextLevel.Api.Tests.DataTools;

/// <summary>What the seeder writes for the Overview's computed first contact and the Worker's follow-up schedule.</summary>
public sealed class DemoDataComputedFieldsTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTime Now = new(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc);
    private EmbeddedMongoServer _server = null!;
    private MongoClient _client = null!;
    private List<BsonDocument> _leads = null!;

    public async Task InitializeAsync()
    {
        DomainMongoMappings.Register();
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { Port = 0 });
        _client = new MongoClient(_server.ConnectionString);
        var database = _client.GetDatabase("seed_" + Guid.NewGuid().ToString("N")[..10]);
        await new DemoDataSeeder(database).RunAsync(new SeedOptions(2_000, 7, Now), null, default);
        _leads = await database.GetCollection<BsonDocument>(CollectionNames.Leads).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync();
    }

    public void Dispose() => _client.Dispose();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Every_contacted_lead_carries_its_earliest_attempt_and_no_other_lead_has_the_field()
    {
        foreach (var lead in _leads)
        {
            var attempts = lead["contactAttempts"].AsBsonArray;
            if (attempts.Count == 0) Assert.False(lead.Contains("firstContactAt"), "a lead without attempts has no firstContactAt");
            else Assert.Equal(attempts.Min(a => a["timestamp"].ToUniversalTime()), lead["firstContactAt"].ToUniversalTime());
        }
        Assert.Contains(_leads, l => l.Contains("firstContactAt"));
    }

    [Fact]
    public void Historical_follow_ups_fall_due_over_their_cadence_after_now_and_only_fresh_leads_are_due()
    {
        var scheduled = _leads.Where(l => l.GetValue("nextFollowUp", BsonNull.Value).IsValidDateTime).ToList();
        var due = scheduled.Where(l => l["nextFollowUp"].ToUniversalTime() <= Now).ToList();

        // Due now: only leads received in the last two hours that wait for their first contact.
        Assert.All(due, l =>
        {
            Assert.Equal("new", l["status"].AsString);
            Assert.True(Now - l["receivedAt"].ToUniversalTime() < TimeSpan.FromHours(2));
        });
        Assert.True(due.Count < _leads.Count / 100, $"{due.Count} of {_leads.Count} leads are due at once");
        // The others at most one cadence ahead (a day; a week while nurturing), on the cadence of their last contact.
        foreach (var lead in scheduled.Except(due))
        {
            var cadence = TimeSpan.FromDays(lead["status"].AsString == "nurturing" ? 7 : 1);
            var next = lead["nextFollowUp"].ToUniversalTime();
            var last = lead["lastContactedAt"].ToUniversalTime();
            // (The generator may place a recent lead's later attempts after "now"; its cadence runs from there.)
            Assert.True(next - (last > Now ? last : Now) <= cadence, $"{next:o} is more than {cadence} after now");
            Assert.Equal(0, (next - last).Ticks % cadence.Ticks);
        }
        // Spread out: no hour of the coming day holds more than a tenth of the daily follow-ups.
        var daily = scheduled.Except(due).Where(l => l["status"].AsString != "nurturing").ToList();
        Assert.True(daily.GroupBy(l => (int)(l["nextFollowUp"].ToUniversalTime() - Now).TotalHours).Max(g => g.Count()) < daily.Count / 10);
    }
}
