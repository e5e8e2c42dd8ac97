using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Driver;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Services.FollowUp;
using NextLevel.Worker.Services.Reassigned;
using NextLevel.Worker.Simulator;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.Reassigned;

/// <summary>The follow-up engine with the Worker's gate: a due Reassigned Numbers Database check is run, recorded and used.</summary>
public sealed class ReassignedCheckEngineTests(EmbeddedDatabase server) : IClassFixture<EmbeddedDatabase>
{
    /// <summary>Monday 2 March 2026, 17:00 UTC: 09:00 in Seattle.</summary>
    private static readonly DateTimeOffset Monday9Pacific = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    /// <summary>The simulator, counting the questions it is asked (or failing when told to).</summary>
    private sealed class CountingClient : IReassignedNumbersClient
    {
        private readonly SimulatedReassignedNumbersClient _inner = new();

        public int Calls;

        public bool Fail { get; set; }

        public Task<ReassignedAnswer> CheckAsync(ReassignedQuery query, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            if (Fail) throw new HttpRequestException("provider down");
            return _inner.CheckAsync(query, cancellationToken);
        }

        public Task<IReadOnlyList<ReassignedAnswer>> CheckManyAsync(IReadOnlyList<ReassignedQuery> queries, CancellationToken cancellationToken) =>
            _inner.CheckManyAsync(queries, cancellationToken);
    }

    private async Task<(IMongoDatabase Database, FakeTimeProvider Clock, RecordingChannels Channels, CountingClient Client, FollowUpEngine Engine, ComplianceService Compliance)> SetUpAsync(string phone, int consentDaysAgo)
    {
        var database = await server.NewDatabaseAsync();
        var clock = new FakeTimeProvider(Monday9Pacific);
        await TestData.RecordNationalImportAsync(database, Monday9Pacific.AddDays(-1));
        var channels = new RecordingChannels(clock);
        var client = new CountingClient();
        var compliance = new ComplianceService(database, clock);
        var gate = new ComplianceContactGate(compliance, new ReassignedCheckRunner(client, new ReassignedNumberChecks(database, clock), NullLogger<ReassignedCheckRunner>.Instance));
        var engine = EngineHarness.Create(database, clock, channels, gate, "w1");
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Monday9Pacific.AddDays(-consentDaysAgo), Monday9Pacific, phone: phone);
        await TestData.InsertAsync(database, campaign, [lead]);
        return (database, clock, channels, client, engine, compliance);
    }

    private static async Task<List<ConsentLog>> ChecksAsync(IMongoDatabase database) =>
        await database.GetCollection<ConsentLog>(CollectionNames.ConsentLogs).Find(l => l.EventType == ConsentEventType.ReassignedNumberCheck).ToListAsync();

    [Fact]
    public async Task A_lead_with_old_consent_is_checked_once_and_every_attempt_records_the_check()
    {
        var (database, clock, channels, client, engine, _) = await SetUpAsync("+12065550100", consentDaysAgo: 60);

        for (var hour = 0; hour < 4; hour++)
        {
            await engine.RunDueAsync(10, default);
            clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(["call", "call", "call"], channels.Sent.Select(s => s.Method));
        Assert.Equal(1, client.Calls);
        var check = Assert.Single(await ChecksAsync(database));
        Assert.Equal(ReassignedCheckResult.NotReassigned, check.ReassignedCheck!.Result);
        Assert.Equal(Monday9Pacific.AddDays(-60).UtcDateTime, check.ReassignedCheck.ConsentDate);
        Assert.Equal(Monday9Pacific.UtcDateTime, check.ReassignedCheck.CheckedAt);
        Assert.Equal(SimulatedReassignedNumbersClient.Provider, check.ReassignedCheck.Provider);
        Assert.Equal("+12065550100", check.Phone);

        var lead = await database.GetCollection<NextLevel.Domain.Leads.Lead>(CollectionNames.Leads).Find(_ => true).SingleAsync();
        Assert.Equal(3, lead.ContactAttempts.Count);
        Assert.All(lead.ContactAttempts, a =>
        {
            Assert.True(a.Compliance!.Allowed);
            Assert.Equal("not_reassigned", a.Compliance.ReassignedCheck!.Result);
            Assert.Equal(check.Id.ToString(), a.Compliance.ReassignedCheck.ConsentLogId);
            Assert.Equal(Monday9Pacific.UtcDateTime, a.Compliance.ReassignedCheck.CheckedAt);
        });
    }

    [Fact]
    public async Task A_reassigned_answer_stops_all_automated_contact_and_the_blocked_attempt_shows_the_check()
    {
        var (database, clock, channels, client, engine, compliance) = await SetUpAsync("+12065550199", consentDaysAgo: 60);

        for (var hour = 0; hour < 24 * 14; hour++)
        {
            await engine.RunDueAsync(10, default);
            clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.DoesNotContain(channels.Sent, s => s.Method is "call" or "sms");
        Assert.Equal(1, client.Calls);
        var check = Assert.Single(await ChecksAsync(database));
        Assert.Equal(ReassignedCheckResult.Reassigned, check.ReassignedCheck!.Result);

        var lead = await database.GetCollection<NextLevel.Domain.Leads.Lead>(CollectionNames.Leads).Find(_ => true).SingleAsync();
        var attempt = Assert.Single(lead.ContactAttempts);
        Assert.Equal("blocked", attempt.Outcome);
        Assert.False(attempt.Compliance!.Allowed);
        Assert.Contains(ComplianceReasonCodes.NumberReassigned, attempt.Compliance.Reasons);
        Assert.Equal("reassigned", attempt.Compliance.ReassignedCheck!.Result);
        Assert.Equal(check.Id.ToString(), attempt.Compliance.ReassignedCheck.ConsentLogId);
        Assert.Null(lead.NextFollowUp);
        Assert.StartsWith("blocked:", lead.FollowUp.EndedReason);

        foreach (var channel in new[] { ContactChannel.AutomatedCall, ContactChannel.Sms })
        {
            var decision = await compliance.CanContactAsync(lead.Id, channel, clock.GetUtcNow(), default);
            Assert.False(decision.Allowed);
            Assert.Contains(decision.Reasons, r => r.Code == ComplianceReasonCodes.NumberReassigned);
        }
    }

    [Fact]
    public async Task Recent_consent_needs_no_check()
    {
        var (database, _, channels, client, engine, _) = await SetUpAsync("+12065550199", consentDaysAgo: 0);

        await engine.RunDueAsync(10, default);

        Assert.Equal(["call"], channels.Sent.Select(s => s.Method));
        Assert.Equal(0, client.Calls);
        Assert.Empty(await ChecksAsync(database));
    }

    [Fact]
    public async Task When_the_provider_cannot_answer_the_contact_waits_and_the_check_is_retried()
    {
        var (database, clock, channels, client, engine, _) = await SetUpAsync("+12065550100", consentDaysAgo: 60);
        client.Fail = true;

        await engine.RunDueAsync(10, default);

        Assert.Empty(channels.Sent);
        Assert.Empty(await ChecksAsync(database));
        var lead = await database.GetCollection<NextLevel.Domain.Leads.Lead>(CollectionNames.Leads).Find(_ => true).SingleAsync();
        Assert.Equal(Monday9Pacific.Add(ComplianceContactGate.CheckRetryDelay).UtcDateTime, lead.NextFollowUp);
        Assert.Empty(lead.ContactAttempts);

        client.Fail = false;
        clock.Advance(ComplianceContactGate.CheckRetryDelay);
        await engine.RunDueAsync(10, default);

        Assert.Equal(["call"], channels.Sent.Select(s => s.Method));
        Assert.Equal(2, client.Calls);
        Assert.Single(await ChecksAsync(database));
    }
}
