using Microsoft.Extensions.Time.Testing;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.FollowUp;

public sealed class FollowUpEngineTests(EmbeddedDatabase server) : IClassFixture<EmbeddedDatabase>
{
    /// <summary>Monday 2 March 2026, 17:00 UTC: 09:00 in Seattle.</summary>
    private static readonly DateTimeOffset Monday9Pacific = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_lead_inside_calling_hours_gets_its_first_call_with_the_compliance_decision_recorded()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific);
        await TestData.InsertAsync(database, campaign, [lead]);
        var engine = EngineHarness.Create(database, clock, channels, EngineHarness.RealGate(database, clock), "w1");

        Assert.Equal(1, await engine.RunDueAsync(10, default));

        var sent = Assert.Single(channels.Sent);
        Assert.Equal("call", sent.Method);
        var stored = await TestData.ReadLeadAsync(database, lead.Id);
        var attempt = Assert.Single(stored.ContactAttempts);
        Assert.Equal("initial:1", attempt.StepKey);
        Assert.Equal("initiated", attempt.Outcome);
        Assert.NotNull(attempt.Compliance);
        Assert.True(attempt.Compliance!.Allowed);
        Assert.NotNull(attempt.Compliance.ConsentLogId);
        Assert.NotNull(attempt.Compliance.DncCheckedAt);
        Assert.Contains("America/Los_Angeles", attempt.Compliance.CalleeTimeZone);
        Assert.Equal(LeadStatus.Contacted, stored.Status);
        Assert.Equal("initial:2", stored.FollowUp.StepKey);
        Assert.Equal(Monday9Pacific.AddHours(1).UtcDateTime, stored.NextFollowUp);
        Assert.Null(stored.FollowUp.LeaseOwner);
        var call = await database.GetCollection<Call>(CollectionNames.Calls).Find(c => c.LeadId == lead.Id).SingleAsync();
        Assert.Equal(attempt.AttemptId, call.Id);
        Assert.Equal(attempt.CallId, call.Id);
        Assert.True(call.ConsentVerified);
    }

    [Fact]
    public async Task The_sequence_runs_retries_then_email_sms_and_call_then_weekly_nurture_for_ninety_days()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific);
        await TestData.InsertAsync(database, campaign, [lead]);
        var engine = EngineHarness.Create(database, clock, channels, EngineHarness.RealGate(database, clock), "w1");

        for (var i = 0; i < 24 * 120; i++)
        {
            await engine.RunDueAsync(10, default);
            clock.Advance(TimeSpan.FromHours(1));
        }

        var methods = channels.Sent.Select(s => s.Method).ToList();
        Assert.Equal(["call", "call", "call", "email", "sms", "call"], methods.Take(6));
        Assert.Equal(12, methods.Count - 6);
        Assert.All(methods.Skip(6), m => Assert.Equal("email", m));
        var stored = await TestData.ReadLeadAsync(database, lead.Id);
        Assert.Equal(18, stored.ContactAttempts.Count);
        Assert.Equal(stored.ContactAttempts.Count, stored.ContactAttempts.Select(a => a.StepKey).Distinct().Count());
        Assert.Equal(WorkflowPlan.EndCompleted, stored.FollowUp.EndedReason);
        Assert.Null(stored.NextFollowUp);
        Assert.Equal(LeadStatus.Nurturing, stored.Status);
        // Calls and texts only inside the campaign's hours (Pacific), e-mail whenever due.
        var pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
        foreach (var step in channels.Sent.Where(s => s.Method != "email"))
            Assert.True(CallingSchedule.IsOpen(campaign.Schedule.CallingHours, step.At), $"{step.Method} at {TimeZoneInfo.ConvertTime(step.At, pacific)}");
    }

    [Fact]
    public async Task A_paused_campaign_sends_nothing_and_a_completed_one_ends_the_sequence()
    {
        var (database, clock, channels) = await SetUpAsync();
        var paused = TestData.SeedCampaign();
        paused.Status = CampaignStatus.Paused;
        var pausedLead = TestData.Lead(paused, Monday9Pacific, Monday9Pacific);
        await TestData.InsertAsync(database, paused, [pausedLead]);
        var completed = TestData.SeedCampaign();
        completed.Status = CampaignStatus.Completed;
        var completedLead = TestData.Lead(completed, Monday9Pacific, Monday9Pacific, phone: "+12065550101");
        await TestData.InsertAsync(database, completed, [completedLead]);
        var engine = EngineHarness.Create(database, clock, channels, EngineHarness.RealGate(database, clock), "w1");

        await engine.RunDueAsync(10, default);

        Assert.Empty(channels.Sent);
        var held = await TestData.ReadLeadAsync(database, pausedLead.Id);
        Assert.Equal(["campaign_paused"], held.FollowUp.LastHold!.Reasons);
        Assert.True(held.NextFollowUp > Monday9Pacific.UtcDateTime);
        var ended = await TestData.ReadLeadAsync(database, completedLead.Id);
        Assert.Equal("campaign_completed", ended.FollowUp.EndedReason);
        Assert.Null(ended.NextFollowUp);
    }

    [Fact]
    public async Task A_reply_or_a_conversation_pauses_the_sequence_for_a_person()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var replied = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific);
        replied.Tags.Add("needs_human");
        var talked = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific, phone: "+12065550102");
        await TestData.InsertAsync(database, campaign, [replied, talked]);
        var engine = EngineHarness.Create(database, clock, channels, EngineHarness.RealGate(database, clock), "w1");

        await engine.RunDueAsync(10, default);
        Assert.Single(channels.Sent);
        Assert.Equal("reply_received", (await TestData.ReadLeadAsync(database, replied.Id)).FollowUp.EndedReason);

        // The Api records the answered call (a four-minute conversation) before the retry is due.
        await database.GetCollection<Call>(CollectionNames.Calls).UpdateOneAsync(c => c.LeadId == talked.Id,
            Builders<Call>.Update.Set(c => c.Status, CallStatus.Completed).Set(c => c.Duration, 240).Set(c => c.AnsweredAt, Monday9Pacific.UtcDateTime));
        clock.Advance(TimeSpan.FromHours(1));
        await engine.RunDueAsync(10, default);

        Assert.Single(channels.Sent);
        var stored = await TestData.ReadLeadAsync(database, talked.Id);
        Assert.Equal("conversation_held", stored.FollowUp.EndedReason);
        Assert.Contains("needs_human", stored.Tags);
        Assert.Null(stored.NextFollowUp);
    }

    [Fact]
    public async Task Daily_call_limit_and_exhausted_budget_hold_calls_until_the_next_day()
    {
        var (database, clock, channels) = await SetUpAsync();
        var limited = TestData.SeedCampaign();
        limited.Budget.MaxCallsPerDay = 2;
        var leads = Enumerable.Range(0, 5).Select(i => TestData.Lead(limited, Monday9Pacific, Monday9Pacific, phone: $"+1206555020{i}")).ToList();
        await TestData.InsertAsync(database, limited, leads);
        var broke = TestData.SeedCampaign();
        broke.Budget.Spent = broke.Budget.TotalBudget;
        var brokeLead = TestData.Lead(broke, Monday9Pacific, Monday9Pacific, phone: "+12065550300");
        await TestData.InsertAsync(database, broke, [brokeLead]);
        var engine = EngineHarness.Create(database, clock, channels, EngineHarness.RealGate(database, clock), "w1");

        await engine.RunDueAsync(20, default);

        Assert.Equal(2, channels.Sent.Count);
        var held = (await Task.WhenAll(leads.Select(l => TestData.ReadLeadAsync(database, l.Id)))).Where(l => l.ContactAttempts.Count == 0).ToList();
        Assert.Equal(3, held.Count);
        Assert.All(held, l => Assert.Equal(["max_calls_per_day"], l.FollowUp.LastHold!.Reasons));
        // Midnight in Los Angeles, then the calling hours open at 09:00.
        Assert.All(held, l => Assert.Equal(new DateTime(2026, 3, 3, 8, 0, 0, DateTimeKind.Utc), l.NextFollowUp));
        Assert.Equal(["budget_exhausted"], (await TestData.ReadLeadAsync(database, brokeLead.Id)).FollowUp.LastHold!.Reasons);
    }

    private async Task<(IMongoDatabase, FakeTimeProvider, RecordingChannels)> SetUpAsync()
    {
        var database = await server.NewDatabaseAsync();
        var clock = new FakeTimeProvider(Monday9Pacific);
        await TestData.RecordNationalImportAsync(database, Monday9Pacific.AddDays(-1));
        return (database, clock, new RecordingChannels(clock));
    }
}
