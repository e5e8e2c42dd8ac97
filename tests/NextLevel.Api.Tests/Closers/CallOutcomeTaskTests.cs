using MongoDB.Driver;
using NextLevel.Api.Tests.Calls;
using NextLevel.Domain.Closers.Tasks;

namespace NextLevel.Api.Tests.Closers;

public sealed class CallOutcomeTaskTests(CallsFixture api) : IClassFixture<CallsFixture>
{
    [Fact]
    public async Task A_requested_call_back_becomes_one_task_moved_into_the_callees_legal_window()
    {
        var (lead, call) = await api.AddLeadWithCallAsync();
        // Thursday 22:00 in Seattle: after the 21:00 limit, so the task is due Friday 08:00 PST (16:00 UTC).
        var body = PostCallPayloads.Transcription("conv_" + call.Id, call.CallSid, "callback", callbackAt: "2026-03-06T06:00:00Z",
            userLines: ["Call me back Thursday night at ten."]);

        await api.CreateClient().SendAsync(api.PostCall(body));
        await api.CreateClient().SendAsync(api.PostCall(body, signedAt: api.Clock.GetUtcNow().AddSeconds(-5)));

        var stored = await api.Leads.Find(l => l.Id == lead.Id).FirstAsync();
        var task = Assert.Single(stored.Tasks);
        Assert.Equal((LeadTaskType.CallBack, LeadTaskSource.CallOutcome, call.Id), (task.Type, task.Source, task.CallId));
        Assert.Equal(new DateTime(2026, 3, 6, 16, 0, 0, DateTimeKind.Utc), task.DueAt);
        Assert.Equal(LeadTaskStatus.Open, task.Status);
    }

    [Fact]
    public async Task A_qualified_call_without_a_request_creates_no_task()
    {
        var (lead, call) = await api.AddLeadWithCallAsync();

        await api.CreateClient().SendAsync(api.PostCall(PostCallPayloads.Transcription("conv_" + call.Id, call.CallSid, "qualified")));

        Assert.Empty((await api.Leads.Find(l => l.Id == lead.Id).FirstAsync()).Tasks);
    }
}
