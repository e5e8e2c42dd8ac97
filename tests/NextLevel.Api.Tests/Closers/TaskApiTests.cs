using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MongoDB.Bson;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Closers.Tasks;
using static NextLevel.Api.Tests.Closers.ClosersData;

namespace NextLevel.Api.Tests.Closers;

public sealed class TaskApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_call_back_outside_the_legal_window_is_refused_with_the_next_allowed_time_and_nothing_written()
    {
        var closer = await CloserAsync(api);
        var lead = await LeadAsync(api);

        // 21:00 in Seattle (the lead's +1 206 number and WA address).
        var response = await Client(api, closer).PostAsync($"/api/leads/{lead.Id}/tasks",
            Json("""{"type":"call_back","title":"Call back","dueAt":"2026-03-03T05:00:00Z","priority":"high"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync(response);
        Assert.Equal("2026-03-03T16:00:00Z", problem.GetProperty("nextAllowedAt").GetString());
        Assert.Contains("2026-03-03T16:00:00Z", problem.GetProperty("errors").GetProperty("dueAt")[0].GetString());
        Assert.Empty((await ReloadAsync(api, lead.Id)).Tasks);
    }

    [Fact]
    public async Task A_task_inside_the_window_is_created_owned_by_its_creator_and_listed_as_mine()
    {
        var closer = await CloserAsync(api);
        var lead = await LeadAsync(api);
        var client = Client(api, closer);

        var response = await client.PostAsync($"/api/leads/{lead.Id}/tasks",
            Json("""{"type":"call_back","title":"Call back","dueAt":"2026-03-02T18:00:00Z","notes":"asked for the afternoon"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = await ReadAsync(response);
        Assert.Equal(closer, task.GetProperty("ownerId").GetString());
        Assert.Equal("Casey Closer", task.GetProperty("ownerName").GetString());
        Assert.Equal("normal", task.GetProperty("priority").GetString());
        Assert.Equal("manual", task.GetProperty("source").GetString());
        var mine = await client.GetFromJsonAsync<JsonElement>("/api/tasks?owner=me&status=open");
        Assert.Equal([task.GetProperty("id").GetString()], mine.EnumerateArray().Select(t => t.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Overdue_tasks_are_flagged_and_filtered()
    {
        var closer = await CloserAsync(api);
        var lead = await LeadAsync(api);
        var client = Client(api, closer);
        await client.PostAsync($"/api/leads/{lead.Id}/tasks", Json("""{"type":"follow_up","title":"Late","dueAt":"2026-03-01T18:00:00Z"}"""));
        await client.PostAsync($"/api/leads/{lead.Id}/tasks", Json("""{"type":"send_offer","title":"Soon","dueAt":"2026-03-04T18:00:00Z"}"""));

        var overdue = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?owner=me&overdue=true");
        var all = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?leadId={lead.Id}");

        Assert.Equal(["Late"], overdue.EnumerateArray().Select(t => t.GetProperty("title").GetString()));
        Assert.Equal([true, false], all.EnumerateArray().Select(t => t.GetProperty("overdue").GetBoolean()));
    }

    [Fact]
    public async Task Task_changes_follow_the_status_rules_and_a_call_back_cannot_be_moved_out_of_the_window()
    {
        var closer = await CloserAsync(api);
        var lead = await LeadAsync(api);
        var client = Client(api, closer);
        var created = await ReadAsync(await client.PostAsync($"/api/leads/{lead.Id}/tasks", Json("""{"type":"call_back","title":"Cb","dueAt":"2026-03-02T18:00:00Z"}""")));
        var id = created.GetProperty("id").GetString();

        var late = await client.PatchAsync($"/api/tasks/{id}", Json("""{"dueAt":"2026-03-03T06:30:00Z"}"""));
        var done = await client.PatchAsync($"/api/tasks/{id}", Json("""{"status":"done"}"""));
        var cancelDone = await client.PatchAsync($"/api/tasks/{id}", Json("""{"status":"cancelled"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await ReadAsync(done)).GetProperty("completedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, cancelDone.StatusCode);
        var stored = (await ReloadAsync(api, lead.Id)).Tasks.Single();
        Assert.Equal((LeadTaskStatus.Done, new DateTime(2026, 3, 2, 18, 0, 0, DateTimeKind.Utc)), (stored.Status, stored.DueAt));
    }

    [Fact]
    public async Task Hostile_and_incomplete_bodies_are_field_errors_and_write_nothing()
    {
        var closer = await CloserAsync(api);
        var lead = await LeadAsync(api);
        var client = Client(api, closer);

        var injected = await client.PostAsync($"/api/leads/{lead.Id}/tasks", Json("""{"type":"other","title":{"$gt":""},"dueAt":"2026-03-02T18:00:00Z"}"""));
        var unknownType = await client.PostAsync($"/api/leads/{lead.Id}/tasks", Json("""{"type":"$where","title":"x","dueAt":"2026-03-02T18:00:00Z"}"""));
        var missing = await client.PostAsync($"/api/leads/{lead.Id}/tasks", Json("""{"title":""}"""));
        var badOwner = await client.PostAsync($"/api/leads/{lead.Id}/tasks", Json($$"""{"type":"other","title":"x","dueAt":"2026-03-02T18:00:00Z","ownerId":"{{ObjectId.GenerateNewId()}}"}"""));
        var badFilter = await client.GetAsync("/api/tasks?owner=%7B%22%24gt%22%3A%22%22%7D");

        Assert.All([injected, unknownType, missing, badOwner, badFilter], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(["dueAt", "title", "type"], (await ReadAsync(missing)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Empty((await ReloadAsync(api, lead.Id)).Tasks);
    }
}
