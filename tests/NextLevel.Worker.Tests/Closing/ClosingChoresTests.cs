using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Closers.Appointments;
using NextLevel.Domain.Closers.Deals;
using NextLevel.Domain.Closers.Offers;
using NextLevel.Domain.Closers.Tasks;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;
using NextLevel.Worker.Services.Closing;
using NextLevel.Worker.Services.Rollups;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.Closing;

public sealed class ClosingChoresTests(EmbeddedDatabase server) : IClassFixture<EmbeddedDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    private static LeadTask Task(string? owner, DateTimeOffset due, LeadTaskStatus status = LeadTaskStatus.Open) => new()
    {
        Id = ObjectId.GenerateNewId(), Type = LeadTaskType.FollowUp, Title = "Follow up", OwnerId = owner, DueAt = due.UtcDateTime, Status = status, CreatedAt = Now.AddDays(-1).UtcDateTime,
    };

    private static async Task<string> StaffAsync(IMongoDatabase database)
    {
        var id = ObjectId.GenerateNewId();
        await database.GetCollection<BsonDocument>("staff_users").InsertOneAsync(new BsonDocument { { "_id", id }, { "email", $"closer{id}@example.com" }, { "displayName", "Casey" } });
        return id.ToString();
    }

    [Fact]
    public async Task Owners_of_overdue_tasks_are_reminded_once_and_again_only_for_a_new_due_time()
    {
        var database = await server.NewDatabaseAsync();
        var clock = new FakeTimeProvider(Now);
        var channels = new RecordingChannels(clock);
        var owner = await StaffAsync(database);
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Now.AddDays(-2), Now.AddDays(1));
        lead.Tasks = [Task(owner, Now.AddMinutes(30)), Task(owner, Now.AddDays(-1), LeadTaskStatus.Done), Task(null, Now.AddHours(-1))];
        await TestData.InsertAsync(database, campaign, [lead], withConsent: false);
        var reminders = new TaskReminders(database, channels, Options.Create(new ClosingOptions()), clock, NullLogger<TaskReminders>.Instance);

        Assert.Equal(0, await reminders.RunOnceAsync(default)); // not due yet; done and unowned tasks never
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await reminders.RunOnceAsync(default));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await reminders.RunOnceAsync(default));
        Assert.Single(channels.Sent);
        Assert.Equal(("email", lead.Id.ToString()), (channels.Sent.Single().Method, channels.Sent.Single().LeadId));
        var stored = await TestData.ReadLeadAsync(database, lead.Id);
        Assert.Equal(Now.AddMinutes(31).UtcDateTime, stored.Tasks[0].RemindedAt);

        // A new due time (the Api clears remindedAt) is reminded again once it passes.
        await database.GetCollection<Lead>(CollectionNames.Leads).UpdateOneAsync(l => l.Id == lead.Id,
            Builders<Lead>.Update.Set("tasks.0.dueAt", clock.GetUtcNow().AddMinutes(5).UtcDateTime).Set("tasks.0.remindedAt", BsonNull.Value));
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await reminders.RunOnceAsync(default));
        Assert.Equal(2, channels.Sent.Count);
    }

    [Fact]
    public async Task A_failed_send_is_retried_at_the_next_pass()
    {
        var database = await server.NewDatabaseAsync();
        var clock = new FakeTimeProvider(Now);
        var channels = new RecordingChannels(clock);
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Now.AddDays(-2), Now.AddDays(1));
        lead.Tasks = [Task(await StaffAsync(database), Now.AddMinutes(-5))];
        await TestData.InsertAsync(database, campaign, [lead], withConsent: false);
        var reminders = new TaskReminders(database, channels, Options.Create(new ClosingOptions()), clock, NullLogger<TaskReminders>.Instance);
        channels.OnSend = _ => throw new InvalidOperationException("smtp down");

        Assert.Equal(0, await reminders.RunOnceAsync(default));
        Assert.Null((await TestData.ReadLeadAsync(database, lead.Id)).Tasks[0].RemindedAt);
        channels.OnSend = null;
        Assert.Equal(1, await reminders.RunOnceAsync(default));
    }

    [Fact]
    public async Task Sent_offers_past_their_expiry_expire_and_others_are_left_alone()
    {
        var database = await server.NewDatabaseAsync();
        var clock = new FakeTimeProvider(Now);
        Offer Offer(OfferStatus status, DateTimeOffset expires) => new()
        {
            Id = ObjectId.GenerateNewId(), LeadId = ObjectId.GenerateNewId(), Amount = 100_000m, ExpiresAt = expires.UtcDateTime, Status = status, CreatedAt = Now.AddDays(-3).UtcDateTime,
        };
        var property = new Property
        {
            Id = ObjectId.GenerateNewId(), Address = new PropertyAddress { Formatted = "1 Test St, Seattle, WA 98101" }, CreatedAt = Now.UtcDateTime,
            Offers = [Offer(OfferStatus.Sent, Now.AddHours(-1)), Offer(OfferStatus.Countered, Now.AddHours(1)), Offer(OfferStatus.Draft, Now.AddHours(-1)), Offer(OfferStatus.Accepted, Now.AddHours(-1))],
        };
        var properties = database.GetCollection<Property>(CollectionNames.Properties);
        await properties.InsertOneAsync(property);
        var expiry = new OfferExpiry(database, clock, NullLogger<OfferExpiry>.Instance);

        Assert.Equal(1, await expiry.RunOnceAsync(default));
        Assert.Equal(0, await expiry.RunOnceAsync(default));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, await expiry.RunOnceAsync(default));

        var stored = await properties.Find(p => p.Id == property.Id).FirstAsync();
        Assert.Equal([OfferStatus.Expired, OfferStatus.Expired, OfferStatus.Draft, OfferStatus.Accepted], stored.Offers.Select(o => o.Status));
        Assert.Equal(OfferAction.Expired, stored.Offers[0].History.Single().Action);
    }

    [Fact]
    public async Task The_campaign_rollup_counts_visits_offers_deals_and_revenue_from_the_records()
    {
        var database = await server.NewDatabaseAsync();
        var clock = new FakeTimeProvider(Now);
        var campaign = TestData.SeedCampaign();
        var leads = Enumerable.Range(0, 4).Select(i => TestData.Lead(campaign, Now.AddDays(-1), Now.AddDays(1), phone: $"+1206555100{i}")).ToList();
        Appointment Visit(AppointmentStatus status) => new() { Id = ObjectId.GenerateNewId(), CloserId = "c", StartsAt = Now.UtcDateTime, EndsAt = Now.AddHours(1).UtcDateTime, DurationMinutes = 60, Status = status };
        leads[0].Appointments = [Visit(AppointmentStatus.Scheduled), Visit(AppointmentStatus.Cancelled)];
        leads[1].Appointments = [Visit(AppointmentStatus.Completed), Visit(AppointmentStatus.NoShow)];
        leads[2].Stage = LeadStage.Negotiation; // a stage alone is not a record
        await TestData.InsertAsync(database, campaign, leads, withConsent: false);
        Offer Offer(OfferStatus status, ObjectId? campaignId) => new() { Id = ObjectId.GenerateNewId(), LeadId = leads[0].Id, CampaignId = campaignId, Amount = 1m, Status = status, ExpiresAt = Now.UtcDateTime };
        Deal Deal(DealStatus status, decimal? revenue, ObjectId? campaignId) => new() { Id = ObjectId.GenerateNewId(), LeadId = leads[0].Id, CampaignId = campaignId, ExitStrategy = ExitStrategy.Resale, Status = status, Revenue = revenue };
        Property Property(List<Offer> offers, Deal? deal) => new() { Id = ObjectId.GenerateNewId(), Address = new PropertyAddress { Formatted = $"{ObjectId.GenerateNewId()} St" }, CreatedAt = Now.UtcDateTime, UpdatedAt = Now.UtcDateTime, Offers = offers, Deal = deal };
        await database.GetCollection<Property>(CollectionNames.Properties).InsertManyAsync(
        [
            Property([Offer(OfferStatus.Accepted, campaign.Id), Offer(OfferStatus.Draft, campaign.Id)], Deal(DealStatus.Closed, 20_000m, campaign.Id)),
            Property([Offer(OfferStatus.Rejected, campaign.Id), Offer(OfferStatus.Sent, ObjectId.GenerateNewId())], Deal(DealStatus.UnderContract, null, campaign.Id)),
            Property([Offer(OfferStatus.Expired, campaign.Id)], Deal(DealStatus.Closed, 5_000m, ObjectId.GenerateNewId())),
        ]);
        await database.GetCollection<NextLevel.Domain.Campaigns.Campaign>(CollectionNames.Campaigns).UpdateOneAsync(c => c.Id == campaign.Id,
            Builders<NextLevel.Domain.Campaigns.Campaign>.Update.Set(c => c.Budget.Spent, 1_000m));

        var rollup = new CampaignMetricsRollup(database, clock);
        var metrics = await rollup.RecomputeAsync(campaign.Id, default);

        Assert.Equal((2, 3, 1), (metrics.SiteVisits, metrics.OffersExtended, metrics.DealsClosed));
        Assert.Equal(20_000m, metrics.TotalRevenue);
        Assert.Equal(0.25, metrics.ConversionRate);
        Assert.Equal(1_000m, metrics.CostPerDeal);
        Assert.Equal(19.0, metrics.Roi);
        Assert.Contains(campaign.Id, await rollup.TouchedSinceAsync(Now.AddMinutes(-1), default));
    }
}
