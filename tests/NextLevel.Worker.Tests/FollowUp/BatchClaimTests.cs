using Microsoft.Extensions.Time.Testing;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Services.FollowUp;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.FollowUp;

/// <summary>The batch path: claims of many due leads at once, the batch's shared gate facts, one decision per lead.</summary>
public sealed class BatchClaimTests(EmbeddedDatabase server) : IClassFixture<EmbeddedDatabase>
{
    /// <summary>Monday 2 March 2026, 17:00 UTC: 09:00 in Seattle.</summary>
    private static readonly DateTimeOffset Monday9Pacific = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_workers_claiming_the_same_due_leads_in_batches_get_disjoint_leads_and_send_each_first_call_once()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var leads = Enumerable.Range(0, 100).Select(i => TestData.Lead(campaign, Monday9Pacific, Monday9Pacific, phone: $"+1206555{i:D4}")).ToList();
        await TestData.InsertAsync(database, campaign, leads);
        var gate = EngineHarness.RealGate(database, clock);
        var first = EngineHarness.Create(database, clock, channels, gate, "worker-a");
        var second = EngineHarness.Create(database, clock, channels, gate, "worker-b");

        // Both ask for every due lead at the same moment: each lead goes to exactly one of them.
        var claims = await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { Task.Run(() => first.ClaimBatchAsync(100, default)), Task.Run(() => second.ClaimBatchAsync(100, default)) }));
        var claimedIds = claims.SelectMany(c => c.Select(l => l.Lead.Id)).ToList();
        Assert.Equal(claimedIds.Count, claimedIds.Distinct().Count());
        Assert.Equal(100, claimedIds.Count);
        Assert.All(claims, c => Assert.Single(c.Select(l => l.Lead.FollowUp.LeaseOwner).Distinct().DefaultIfEmpty("none")));

        await Task.WhenAll(claims.Where(c => c.Count > 0).Select((c, i) => Task.Run(() => (i % 2 == 0 ? first : second).RunBatchAsync(c, default))));
        // Nothing is left to claim or run twice.
        Assert.Equal(0, await first.RunDueAsync(1000, default) + await second.RunDueAsync(1000, default));

        Assert.Equal(100, channels.CallRequests.Count);
        Assert.Equal(100, channels.CallRequests.Distinct().Count());
        var stored = await database.GetCollection<Lead>(CollectionNames.Leads).Find(FilterDefinition<Lead>.Empty).ToListAsync();
        Assert.All(stored, l =>
        {
            Assert.Equal(["initial:1"], l.ContactAttempts.Select(a => a.StepKey));
            Assert.Equal(LeadStatus.Contacted, l.Status);
            Assert.Null(l.FollowUp.LeaseOwner);
        });
        Assert.Equal(100, await database.GetCollection<Call>(CollectionNames.Calls).CountDocumentsAsync(FilterDefinition<Call>.Empty));
    }

    [Fact]
    public async Task A_batch_claim_leaves_alone_a_lead_another_worker_holds()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var leads = Enumerable.Range(0, 5).Select(i => TestData.Lead(campaign, Monday9Pacific, Monday9Pacific.AddSeconds(-i), phone: $"+1206555{i:D4}")).ToList();
        await TestData.InsertAsync(database, campaign, leads);
        var gate = EngineHarness.RealGate(database, clock);
        var holder = EngineHarness.Create(database, clock, channels, gate, "holder");
        var other = EngineHarness.Create(database, clock, channels, gate, "other");

        var held = await holder.ClaimAsync(default);
        Assert.NotNull(held);
        var batch = await other.ClaimBatchAsync(10, default);

        Assert.Equal(4, batch.Count);
        Assert.DoesNotContain(batch, c => c.Lead.Id == held.Lead.Id);
        // Most overdue first.
        Assert.Equal(batch.OrderBy(c => c.Lead.NextFollowUp).Select(c => c.Lead.Id), batch.Select(c => c.Lead.Id));
    }

    [Fact]
    public async Task A_batch_where_some_leads_are_blocked_records_each_ones_reason_and_calls_only_the_allowed_one()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var allowed = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific, phone: "+12065550001");
        var onInternalList = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific, phone: "+12065550002");
        var revoked = TestData.Lead(campaign, Monday9Pacific.AddHours(-1), Monday9Pacific, phone: "+12065550003"); // consent given an hour ago, revoked since
        var noConsent = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific, phone: "+12065550004");
        noConsent.Consent.HasWrittenConsent = false;
        var night = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific, phone: "+16715550005"); // Guam: 03:00 local
        await TestData.InsertAsync(database, campaign, [allowed, onInternalList, revoked, night], withConsent: true);
        await database.GetCollection<Lead>(CollectionNames.Leads).InsertOneAsync(noConsent);
        await database.GetCollection<DncEntry>(CollectionNames.DncRegistry).InsertOneAsync(new DncEntry { Phone = onInternalList.Contact.Phone!, Source = DncSource.Internal, AddedAt = Monday9Pacific.AddDays(-1).UtcDateTime, Reason = "asked" });
        await new ConsentLedger(database).AppendAsync(new ConsentLog { LeadId = revoked.Id, Phone = revoked.Contact.Phone, EventType = ConsentEventType.ConsentRevoked, Channels = [.. ContactChannels.All], Timestamp = Monday9Pacific.AddMinutes(-1).UtcDateTime, Origin = "sms_reply" });
        var engine = EngineHarness.Create(database, clock, channels, EngineHarness.RealGate(database, clock), "w1");

        var batch = await engine.ClaimBatchAsync(10, default);
        Assert.Equal(5, batch.Count);
        await engine.RunBatchAsync(batch, default);

        var sent = Assert.Single(channels.Sent);
        Assert.Equal(allowed.Id.ToString(), sent.LeadId);
        await AssertStoppedAsync(database, onInternalList.Id, ComplianceReasonCodes.InternalDnc);
        await AssertStoppedAsync(database, revoked.Id, ComplianceReasonCodes.ConsentRevoked);
        await AssertStoppedAsync(database, noConsent.Id, ComplianceReasonCodes.NoWrittenConsent);
        var later = await TestData.ReadLeadAsync(database, night.Id);
        Assert.Empty(later.ContactAttempts);
        Assert.Contains(ComplianceReasonCodes.OutsideCallingHours, later.FollowUp.LastHold!.Reasons);
        Assert.True(later.NextFollowUp > Monday9Pacific.UtcDateTime);
        Assert.Null(later.FollowUp.LeaseOwner);
    }

    [Fact]
    public async Task A_new_lead_whose_consent_event_is_not_recorded_yet_is_asked_again_shortly_and_called_once_it_is()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific);
        await TestData.InsertAsync(database, campaign, [lead], withConsent: false); // the lead says written consent; the ledger has nothing yet
        var engine = EngineHarness.Create(database, clock, channels, EngineHarness.RealGate(database, clock), "w1");

        Assert.Equal(1, await engine.RunDueAsync(10, default));
        Assert.Empty(channels.Sent);
        var waiting = await TestData.ReadLeadAsync(database, lead.Id);
        Assert.Empty(waiting.ContactAttempts);
        Assert.Null(waiting.FollowUp.EndedReason);
        Assert.Contains(FollowUpEngine.IntakeConsentPending, waiting.FollowUp.LastHold!.Reasons);
        Assert.Contains(ComplianceReasonCodes.NoWrittenConsent, waiting.FollowUp.LastHold.Reasons);
        Assert.Equal(Monday9Pacific.AddMilliseconds(500).UtcDateTime, waiting.NextFollowUp);

        await new ConsentLedger(database).AppendAsync(TestData.Grant(lead));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await engine.RunDueAsync(10, default));
        Assert.Single(channels.Sent);
        Assert.Equal("initiated", Assert.Single((await TestData.ReadLeadAsync(database, lead.Id)).ContactAttempts).Outcome);
    }

    [Fact]
    public async Task A_lead_still_without_a_consent_event_after_the_intake_window_is_stopped_with_the_decision_on_record()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific);
        await TestData.InsertAsync(database, campaign, [lead], withConsent: false);
        var engine = EngineHarness.Create(database, clock, channels, EngineHarness.RealGate(database, clock), "w1");

        for (var i = 0; i < 70; i++)
        {
            await engine.RunDueAsync(10, default);
            clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.Empty(channels.Sent);
        await AssertStoppedAsync(database, lead.Id, ComplianceReasonCodes.NoWrittenConsent);
    }

    private static async Task AssertStoppedAsync(IMongoDatabase database, MongoDB.Bson.ObjectId leadId, string reason)
    {
        var stored = await TestData.ReadLeadAsync(database, leadId);
        var attempt = Assert.Single(stored.ContactAttempts);
        Assert.Equal("blocked", attempt.Outcome);
        Assert.False(attempt.Compliance!.Allowed);
        Assert.Contains(reason, attempt.Compliance.Reasons);
        Assert.StartsWith("blocked:", stored.FollowUp.EndedReason);
        Assert.Null(stored.NextFollowUp);
        Assert.Null(stored.FollowUp.LeaseOwner);
    }

    private async Task<(IMongoDatabase, FakeTimeProvider, RecordingChannels)> SetUpAsync()
    {
        var database = await server.NewDatabaseAsync();
        var clock = new FakeTimeProvider(Monday9Pacific);
        await TestData.RecordNationalImportAsync(database, Monday9Pacific.AddDays(-1));
        return (database, clock, new RecordingChannels(clock));
    }
}
