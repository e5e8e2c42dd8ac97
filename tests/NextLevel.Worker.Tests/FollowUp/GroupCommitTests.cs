using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Worker.Services.FollowUp;
using NextLevel.Worker.Tests.Infrastructure;

namespace NextLevel.Worker.Tests.FollowUp;

public sealed class GroupCommitTests(EmbeddedDatabase server) : IClassFixture<EmbeddedDatabase>
{
    [Fact]
    public async Task Requests_submitted_while_a_group_is_being_written_go_out_together_in_the_next_group()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var groups = new List<int>();
        var commit = new GroupCommit<int, int>(async group =>
        {
            lock (groups) groups.Add(group.Count);
            if (groups.Count == 1) await release.Task;
            foreach (var pending in group) pending.Complete(pending.Request * 10);
        });

        var first = commit.SubmitAsync(1, default);
        while (groups.Count == 0) await Task.Delay(1);
        var more = Enumerable.Range(2, 5).Select(i => commit.SubmitAsync(i, default)).ToList();
        release.SetResult();

        Assert.Equal(10, await first);
        var rest = await Task.WhenAll(more);
        Assert.Equal([20, 30, 40, 50, 60], rest);
        Assert.Equal([1, 5], groups);
    }

    [Fact]
    public async Task A_failed_group_write_fails_every_request_of_the_group_and_the_next_group_is_written()
    {
        var calls = 0;
        var commit = new GroupCommit<int, int>(group =>
        {
            if (Interlocked.Increment(ref calls) == 1) throw new InvalidOperationException("database unreachable");
            foreach (var pending in group) pending.Complete(pending.Request);
            return Task.CompletedTask;
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() => commit.SubmitAsync(1, default));
        Assert.Equal(2, await commit.SubmitAsync(2, default));
    }

    [Fact]
    public async Task In_flight_marks_written_together_hold_only_where_this_claim_still_holds_the_lease()
    {
        var database = await server.NewDatabaseAsync();
        var leads = database.GetCollection<Lead>(CollectionNames.Leads);
        var now = new DateTime(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc);
        var stored = Enumerable.Range(0, 24).Select(i => new Lead
        {
            Id = ObjectId.GenerateNewId(),
            Source = LeadSource.GoogleAds,
            ExternalId = $"mark-{i}",
            Status = LeadStatus.New,
            NextFollowUp = now,
            // Every fourth lead was taken over by another claim after its lease expired.
            FollowUp = new FollowUpProgress { LeaseOwner = i % 4 == 0 ? "other/7" : "mine/1", LeaseUntil = now.AddMinutes(2) },
        }).ToList();
        await leads.InsertManyAsync(stored);
        var leases = new LeadLeases(database);

        var marks = stored.Select(l => new StepInFlight { StepKey = "initial:1", AttemptId = ObjectId.GenerateNewId(), StartedAt = now, Owner = "mine/1" }).ToList();
        var results = await Task.WhenAll(stored.Select((l, i) => Task.Run(() => leases.MarkSendingAsync(l.Id, "mine/1", marks[i], default))));

        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Equal(i % 4 != 0, results[i]);
            var after = await TestData.ReadLeadAsync(database, stored[i].Id);
            if (i % 4 == 0) Assert.Null(after.FollowUp.Sending);
            else Assert.Equal(marks[i].AttemptId, after.FollowUp.Sending!.AttemptId);
        }
    }
}
