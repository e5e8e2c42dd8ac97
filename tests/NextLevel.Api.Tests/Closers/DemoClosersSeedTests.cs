using MongoDB.Driver;
using NextLevel.Api.Seeding;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Persistence;
using NextLevel.EmbeddedMongo;

namespace NextLevel.Api.Tests.Closers;

/// <summary>The seed puts demo closers on every open campaign whose shifts cover every hour of the year.</summary>
public sealed class DemoClosersSeedTests : IAsyncLifetime, IDisposable
{
    private EmbeddedMongoServer _server = null!;
    private MongoClient _client = null!;

    public async Task InitializeAsync()
    {
        DomainMongoMappings.Register();
        _server = await EmbeddedMongoServer.StartAsync(new EmbeddedMongoOptions { Port = 0 });
        _client = new MongoClient(_server.ConnectionString);
    }

    public void Dispose() => _client.Dispose();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_open_seeded_campaign_has_an_on_shift_closer_at_every_hour_of_the_year()
    {
        var database = _client.GetDatabase("seed_" + Guid.NewGuid().ToString("N")[..10]);
        var summary = await new DemoDataSeeder(database).RunAsync(new SeedOptions(20, 42, new DateTime(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc)), null, default);
        Assert.NotNull(summary.DemoStaffPassword);

        var campaigns = await database.GetCollection<Campaign>(CollectionNames.Campaigns).Find(c => c.Status != CampaignStatus.Completed).ToListAsync();
        var teams = new RoutingTeams(database);
        Assert.NotEmpty(campaigns);
        foreach (var campaign in campaigns)
        {
            var closers = await teams.ClosersAsync(campaign, default);
            Assert.Equal(4, closers.Count);
            Assert.Single(campaign.AssignedTo, a => a.Role == TeamRole.CampaignManager);
            for (var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc); at.Year == 2026; at = at.AddMinutes(30))
                Assert.True(closers.Any(c => ShiftClock.IsOnShift(c.Profile, at)), $"nobody on shift at {at:O}");
        }
    }
}
