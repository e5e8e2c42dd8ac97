using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.FollowUp;

/// <summary>The computed leads.firstContactAt (the Overview's speed to lead and contact rate) as the Worker keeps it.</summary>
public sealed class FirstContactTests(EmbeddedDatabase server) : IClassFixture<EmbeddedDatabase>
{
    private static readonly DateTimeOffset Monday9Pacific = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_first_recorded_step_sets_first_contact_and_later_steps_keep_it()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Monday9Pacific.AddMinutes(-3), Monday9Pacific);
        await TestData.InsertAsync(database, campaign, [lead]);
        var engine = EngineHarness.Create(database, clock, channels, EngineHarness.RealGate(database, clock), "w1");

        for (var i = 0; i < 4; i++)
        {
            await engine.RunDueAsync(10, default);
            clock.Advance(TimeSpan.FromHours(1));
        }

        var stored = await TestData.ReadLeadAsync(database, lead.Id);
        Assert.True(stored.ContactAttempts.Count >= 2);
        Assert.Equal(stored.ContactAttempts.Min(a => a.Timestamp), stored.FirstContactAt);
        Assert.Equal(Monday9Pacific.UtcDateTime, stored.FirstContactAt);
    }

    [Fact]
    public async Task A_failed_send_recorded_without_advancing_is_a_first_contact_too()
    {
        var (database, clock, channels) = await SetUpAsync();
        channels.OnSend = _ => throw new HttpRequestException("provider down");
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Monday9Pacific.AddMinutes(-3), Monday9Pacific);
        await TestData.InsertAsync(database, campaign, [lead]);
        var engine = EngineHarness.Create(database, clock, channels, EngineHarness.RealGate(database, clock), "w1");

        await engine.RunDueAsync(10, default);

        var stored = await TestData.ReadLeadAsync(database, lead.Id);
        var attempt = Assert.Single(stored.ContactAttempts);
        Assert.Equal("failed", attempt.Outcome);
        Assert.Equal(attempt.Timestamp, stored.FirstContactAt);
    }

    [Fact]
    public async Task A_lead_without_attempts_has_no_first_contact_field()
    {
        var (database, _, _) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific.AddDays(1));
        await TestData.InsertAsync(database, campaign, [lead]);

        var raw = await database.GetCollection<BsonDocument>(CollectionNames.Leads).Find(new BsonDocument("_id", lead.Id)).SingleAsync();

        Assert.False(raw.Contains("firstContactAt"));
    }

    private async Task<(IMongoDatabase, FakeTimeProvider, RecordingChannels)> SetUpAsync()
    {
        var database = await server.NewDatabaseAsync();
        var clock = new FakeTimeProvider(Monday9Pacific);
        await TestData.RecordNationalImportAsync(database, Monday9Pacific.AddDays(-1));
        return (database, clock, new RecordingChannels(clock));
    }
}
