using Microsoft.Extensions.Time.Testing;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.FollowUp;

public sealed class ExactlyOnceTests(EmbeddedDatabase server) : IClassFixture<EmbeddedDatabase>
{
    private static readonly DateTimeOffset Monday9Pacific = new(2026, 3, 2, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_workers_on_one_database_run_each_step_exactly_once()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var leads = Enumerable.Range(0, 120).Select(i => TestData.Lead(campaign, Monday9Pacific, Monday9Pacific, phone: $"+1206555{i:D4}")).ToList();
        await TestData.InsertAsync(database, campaign, leads);
        var gate = EngineHarness.RealGate(database, clock);
        var first = EngineHarness.Create(database, clock, channels, gate, "worker-a");
        var second = EngineHarness.Create(database, clock, channels, gate, "worker-b");

        // Three rounds: first calls, then the two retries an hour apart, each round raced by both workers with four loops each.
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => new[] { Task.Run(() => first.RunDueAsync(1000, default)), Task.Run(() => second.RunDueAsync(1000, default)) }));
            clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(360, channels.CallRequests.Count);
        Assert.Equal(360, channels.CallRequests.Distinct().Count());
        var stored = await database.GetCollection<Lead>(CollectionNames.Leads).Find(FilterDefinition<Lead>.Empty).ToListAsync();
        Assert.All(stored, l => Assert.Equal(["initial:1", "initial:2", "initial:3"], l.ContactAttempts.Select(a => a.StepKey)));
        Assert.All(stored, l => Assert.Equal("followup:0", l.FollowUp.StepKey));
    }

    [Fact]
    public async Task A_worker_that_dies_after_claiming_leaves_the_step_to_be_run_exactly_once_after_its_lease_expires()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific);
        await TestData.InsertAsync(database, campaign, [lead]);
        var gate = EngineHarness.RealGate(database, clock);
        var dead = EngineHarness.Create(database, clock, channels, gate, "dead-worker", lease: TimeSpan.FromMinutes(2));
        var survivor = EngineHarness.Create(database, clock, channels, gate, "survivor", lease: TimeSpan.FromMinutes(2));

        Assert.NotNull(await dead.ClaimAsync(default)); // and then the process is gone
        Assert.Equal(0, await survivor.RunDueAsync(10, default));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await survivor.RunDueAsync(10, default));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await survivor.RunDueAsync(10, default));
        clock.Advance(TimeSpan.FromMinutes(5));
        await survivor.RunDueAsync(10, default);

        Assert.Single(channels.CallRequests);
        var stored = await TestData.ReadLeadAsync(database, lead.Id);
        Assert.Equal(["initial:1"], stored.ContactAttempts.Select(a => a.StepKey));
    }

    [Fact]
    public async Task A_worker_that_dies_between_the_provider_accepting_and_the_record_is_reconciled_without_a_second_call()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific);
        await TestData.InsertAsync(database, campaign, [lead]);
        var gate = EngineHarness.RealGate(database, clock);
        var dying = EngineHarness.Create(database, clock, channels, gate, "dying", lease: TimeSpan.FromMinutes(2));
        var survivor = EngineHarness.Create(database, clock, channels, gate, "survivor", lease: TimeSpan.FromMinutes(2));

        channels.OnSend = _ => throw new OperationCanceledException("process killed right after the provider accepted");
        await Assert.ThrowsAsync<OperationCanceledException>(() => dying.RunDueAsync(10, default));
        channels.OnSend = null;
        var inFlight = await TestData.ReadLeadAsync(database, lead.Id);
        Assert.NotNull(inFlight.FollowUp.Sending);
        Assert.Empty(inFlight.ContactAttempts);

        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await survivor.RunDueAsync(10, default));

        // The retry handed the same call id (idempotency key) to the provider, which placed the call once.
        Assert.Equal(2, channels.CallRequests.Count);
        Assert.Single(channels.CallRequests.Distinct());
        Assert.Single(channels.Sent);
        var stored = await TestData.ReadLeadAsync(database, lead.Id);
        var attempt = Assert.Single(stored.ContactAttempts);
        Assert.Equal(inFlight.FollowUp.Sending!.AttemptId, attempt.AttemptId);
        Assert.Null(stored.FollowUp.Sending);
    }

    [Fact]
    public async Task A_worker_that_dies_after_recording_the_call_but_before_the_attempt_finishes_the_record_without_calling_again()
    {
        var (database, clock, channels) = await SetUpAsync();
        var campaign = TestData.SeedCampaign();
        var lead = TestData.Lead(campaign, Monday9Pacific, Monday9Pacific);
        await TestData.InsertAsync(database, campaign, [lead]);
        var gate = EngineHarness.RealGate(database, clock);
        var survivor = EngineHarness.Create(database, clock, channels, gate, "survivor", lease: TimeSpan.FromMinutes(2));
        var first = EngineHarness.Create(database, clock, channels, gate, "first", lease: TimeSpan.FromMinutes(2));
        await first.RunDueAsync(10, default);
        // Rewind the lead to the moment after the calls document was written: in flight, attempt not yet recorded.
        var done = await TestData.ReadLeadAsync(database, lead.Id);
        var attemptId = done.ContactAttempts.Single().AttemptId;
        await database.GetCollection<Lead>(CollectionNames.Leads).UpdateOneAsync(l => l.Id == lead.Id, Builders<Lead>.Update
            .Set(l => l.ContactAttempts, [])
            .Set(l => l.FollowUp.Done, [])
            .Set(l => l.FollowUp.StepKey, "initial:1")
            .Set(l => l.FollowUp.Sending, new StepInFlight { StepKey = "initial:1", AttemptId = attemptId, StartedAt = Monday9Pacific.UtcDateTime, Owner = "first" })
            .Set(l => l.FollowUp.LeaseOwner, "first")
            .Set(l => l.FollowUp.LeaseUntil, Monday9Pacific.AddMinutes(2).UtcDateTime)
            .Set(l => l.NextFollowUp, Monday9Pacific.UtcDateTime));

        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await survivor.RunDueAsync(10, default));

        Assert.Single(channels.CallRequests);
        var stored = await TestData.ReadLeadAsync(database, lead.Id);
        Assert.Equal(attemptId, Assert.Single(stored.ContactAttempts).AttemptId);
        Assert.Equal("initial:2", stored.FollowUp.StepKey);
    }

    private async Task<(IMongoDatabase, FakeTimeProvider, RecordingChannels)> SetUpAsync()
    {
        var database = await server.NewDatabaseAsync();
        var clock = new FakeTimeProvider(Monday9Pacific);
        await TestData.RecordNationalImportAsync(database, Monday9Pacific.AddDays(-1));
        return (database, clock, new RecordingChannels(clock));
    }
}
