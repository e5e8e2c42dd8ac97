using Microsoft.Extensions.Time.Testing;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.FollowUp;

/// <summary>
/// Over a thousand random leads, campaigns and clocks (time zones, daylight-saving changes, consent given, missing or
/// revoked, numbers on DNC lists, paused campaigns), no call, text or e-mail ever reaches a provider unless, at that
/// very moment, the callee's local time is inside the legal window, consent is in force and the number is on no
/// list — checked independently of the engine, and again through the gate.
/// </summary>
public sealed class RandomScheduleComplianceTests(EmbeddedDatabase server) : IClassFixture<EmbeddedDatabase>
{
    private static readonly (string AreaCode, string State, string Zone, int LatestHour)[] Places =
    [
        ("206", "WA", "America/Los_Angeles", 21),
        ("212", "NY", "America/New_York", 21),
        ("312", "IL", "America/Chicago", 21),
        ("602", "AZ", "America/Phoenix", 21),
        ("305", "FL", "America/New_York", 20),
        ("808", "HI", "Pacific/Honolulu", 21),
    ];

    private static readonly string[] CampaignZones = ["America/Los_Angeles", "America/New_York", "America/Chicago", "America/Denver", "UTC"];

    [Fact]
    public async Task Blocked_steps_never_reach_a_provider_over_a_thousand_random_schedules()
    {
        const int seed = 20260302;
        var random = new Random(seed);
        var database = await server.NewDatabaseAsync();
        // Start just before the spring-forward change so every schedule crosses it.
        var start = new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        await TestData.RecordNationalImportAsync(database, start);
        var channels = new RecordingChannels(clock);
        var gate = EngineHarness.RealGate(database, clock);
        var compliance = new ComplianceService(database, clock);
        var engine = EngineHarness.Create(database, clock, channels, gate, "w1");

        var campaigns = Enumerable.Range(0, 8).Select(i => RandomCampaign(random, i)).ToList();
        await database.GetCollection<Campaign>(CollectionNames.Campaigns).InsertManyAsync(campaigns);
        var leads = new Dictionary<string, (Lead Lead, string Zone, int LatestHour)>();
        var ledger = new ConsentLedger(database);
        var dnc = database.GetCollection<DncEntry>(CollectionNames.DncRegistry);
        for (var i = 0; i < 1000; i++)
        {
            var place = Places[random.Next(Places.Length)];
            var campaign = campaigns[random.Next(campaigns.Count)];
            var received = start.AddMinutes(random.Next(0, 60 * 24 * 4));
            var lead = TestData.Lead(campaign, received, received, phone: $"+1{place.AreaCode}555{i:D4}", email: random.NextDouble() < 0.8 ? $"owner{i}@example.com" : null);
            lead.Contact.Address = new PostalAddress { State = place.State };
            var consent = random.NextDouble();
            lead.Consent.HasWrittenConsent = consent >= 0.1;
            await database.GetCollection<Lead>(CollectionNames.Leads).InsertOneAsync(lead);
            if (consent >= 0.1) await ledger.AppendAsync(TestData.Grant(lead));
            if (consent >= 0.1 && consent < 0.25)
                await ledger.AppendAsync(new ConsentLog { LeadId = lead.Id, Phone = lead.Contact.Phone, EventType = ConsentEventType.ConsentRevoked, Channels = [.. ContactChannels.All], Timestamp = received.AddHours(random.Next(1, 72)).UtcDateTime, Origin = "sms_reply" });
            var onList = random.NextDouble();
            if (onList < 0.1)
                await dnc.InsertOneAsync(new DncEntry { Phone = lead.Contact.Phone!, Source = onList < 0.05 ? DncSource.Internal : DncSource.Litigator, AddedAt = received.AddHours(random.Next(0, 48)).UtcDateTime, Reason = "test" });
            leads[lead.Id.ToString()] = (lead, place.Zone, place.LatestHour);
        }

        var violations = new List<string>();
        var consentLogs = database.GetCollection<ConsentLog>(CollectionNames.ConsentLogs);
        channels.OnSend = async sent =>
        {
            var (lead, zone, latestHour) = leads[sent.LeadId];
            var now = clock.GetUtcNow();
            var events = await consentLogs.Find(l => l.LeadId == lead.Id).ToListAsync();
            var revoked = events.Any(e => e.EventType == ConsentEventType.ConsentRevoked && e.Timestamp <= now.UtcDateTime);
            if (sent.Method == "email")
            {
                if (revoked) violations.Add($"e-mail after opt-out to {sent.LeadId}");
                return;
            }
            var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(zone));
            if (local.Hour < 8 || local.Hour >= latestHour) violations.Add($"{sent.Method} at {local:yyyy-MM-dd HH:mm} local to {sent.LeadId}");
            if (revoked || !events.Any(e => e.EventType == ConsentEventType.ConsentGranted)) violations.Add($"{sent.Method} without consent to {sent.LeadId}");
            if (await dnc.Find(e => e.Phone == lead.Contact.Phone && e.AddedAt <= now.UtcDateTime).AnyAsync()) violations.Add($"{sent.Method} to a DNC number {sent.LeadId}");
            var channel = sent.Method == "sms" ? ContactChannel.Sms : ContactChannel.AutomatedCall;
            if (!(await compliance.CanContactAsync(lead.Id, channel, now, default)).Allowed) violations.Add($"{sent.Method} the gate refuses now, to {sent.LeadId}");
        };

        var end = start.AddDays(12);
        while (clock.GetUtcNow() < end)
        {
            await engine.RunDueAsync(5000, default);
            clock.Advance(TimeSpan.FromMinutes(random.Next(5, 240)));
        }

        Assert.True(violations.Count == 0, $"seed {seed}: " + string.Join("; ", violations.Take(10)));
        Assert.True(channels.Sent.Count(s => s.Method == "call") > 500, $"only {channels.Sent.Count(s => s.Method == "call")} calls: the schedules did not exercise the engine");
        Assert.Contains(channels.Sent, s => s.Method == "sms");
        var stopped = await database.GetCollection<Lead>(CollectionNames.Leads).CountDocumentsAsync(Builders<Lead>.Filter.Regex("followUp.endedReason", new BsonRegularExpression("^blocked:")));
        Assert.True(stopped > 50, $"only {stopped} sequences stopped by the gate");
    }

    private static Campaign RandomCampaign(Random random, int index)
    {
        var campaign = TestData.SeedCampaign(CampaignZones[index % CampaignZones.Length]);
        var opens = random.Next(6, 11);
        var closes = random.Next(17, 23);
        var window = new DailyWindow { Start = $"{opens:D2}:00", End = $"{closes:D2}:00" };
        campaign.Schedule.CallingHours.Monday = window;
        campaign.Schedule.CallingHours.Tuesday = window;
        campaign.Schedule.CallingHours.Wednesday = window;
        campaign.Schedule.CallingHours.Thursday = window;
        campaign.Schedule.CallingHours.Friday = window;
        campaign.Schedule.CallingHours.Sunday = random.NextDouble() < 0.5 ? window : null;
        campaign.Workflow.InitialContact.RetryDelay = random.Next(600, 7200);
        campaign.Workflow.FollowUp[0].Delay = random.Next(3600, 86400);
        campaign.Workflow.FollowUp[1].Delay = random.Next(86400, 3 * 86400);
        if (index == 7) campaign.Status = CampaignStatus.Paused;
        return campaign;
    }
}
