using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Campaigns;

public class CampaignApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Manager => api.CreateStaffClient("campaign_manager", "65f0000000000000000000aa");

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private Task<long> CountAsync() => api.Database.GetCollection<BsonDocument>(CollectionNames.Campaigns).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty);

    private async Task<string> CreateAsync(JsonObject? body = null)
    {
        var response = await Manager.PostAsync("/api/campaigns", Json(body ?? CampaignJson.Valid()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task<Campaign> LoadAsync(string id) =>
        api.Database.GetCollection<Campaign>(CollectionNames.Campaigns).Find(c => c.Id == ObjectId.Parse(id)).FirstAsync();

    [Fact]
    public async Task A_manager_creates_a_draft_campaign_that_staff_can_read()
    {
        var id = await CreateAsync(CampaignJson.Valid("Tacoma probate"));

        var stored = await LoadAsync(id);
        Assert.Equal(CampaignStatus.Draft, stored.Status);
        Assert.Equal("Tacoma probate", stored.Name);
        Assert.Equal("America/Los_Angeles", stored.Schedule.CallingHours.Timezone);
        Assert.Equal(ObjectId.Parse("65f0000000000000000000aa"), stored.CreatedBy);
        var read = await api.CreateStaffClient("closer").GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        Assert.Equal("wholesale", read.GetProperty("type").GetString());
        Assert.Equal("draft", read.GetProperty("status").GetString());
        var list = await api.CreateStaffClient("ops").GetFromJsonAsync<JsonElement>("/api/campaigns?status=draft");
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("id").GetString() == id);
    }

    [Theory]
    [InlineData("closer")]
    [InlineData("ops")]
    public async Task Staff_who_are_not_managers_cannot_create_or_change_campaigns(string role)
    {
        var id = await CreateAsync();
        var before = await CountAsync();
        var client = api.CreateStaffClient(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/campaigns", Json(CampaignJson.Valid()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync($"/api/campaigns/{id}", Json(CampaignJson.Valid()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/campaigns/{id}/activate", null)).StatusCode);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(CampaignStatus.Draft, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsync("/api/campaigns", Json(CampaignJson.Valid()))).StatusCode);
    }

    public static TheoryData<string, string, string> BadCampaigns => new()
    {
        { "schedule.callingHours.timezone", "Mars/Olympus_Mons", "schedule.callingHours.timezone" },
        { "schedule.callingHours.timezone", "Pacific Standard Time", "schedule.callingHours.timezone" },
        { "schedule.callingHours.monday.start", "19:00", "schedule.callingHours.monday" },
        { "schedule.callingHours.monday.end", "25:00", "schedule.callingHours.monday.end" },
        { "schedule.callingHours.tuesday.start", "9am", "schedule.callingHours.tuesday.start" },
        { "workflow.initialContact.maxAttempts", "0", "workflow.initialContact.maxAttempts" },
        { "workflow.initialContact.maxAttempts", "11", "workflow.initialContact.maxAttempts" },
        { "workflow.followUp.0.delay", "-60", "workflow.followUp[0].delay" },
        { "workflow.followUp.1.method", "\"carrier_pigeon\"", "workflow.followUp[1].method" },
        { "conversationStrategy.openingScript", "\"Hi, this is Alex about your house. Say stop to opt out.\"", "conversationStrategy.openingScript" },
        { "conversationStrategy.openingScript", "\"Hi, this is Alex from Next Level Real Estate about your house.\"", "conversationStrategy.openingScript" },
        { "budget.totalBudget", "-1", "budget.totalBudget" },
        { "name", "{\"$gt\":\"\"}", "name" },
        { "name", "\"\"", "name" },
        { "type", "\"pyramid\"", "type" },
        { "targeting.geography.states", "[\"Washington\"]", "targeting.geography.states" },
        { "targeting.qualification.minScore", "1.5", "targeting.qualification.minScore" },
    };

    [Theory]
    [MemberData(nameof(BadCampaigns))]
    public async Task Invalid_campaigns_get_400_naming_the_field_and_nothing_is_written(string path, string value, string field)
    {
        var body = CampaignJson.Valid();
        Set(body, path, value);
        var before = await CountAsync();

        var response = await Manager.PostAsync("/api/campaigns", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.GetRawText());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Malformed_json_is_400_and_writes_nothing()
    {
        var before = await CountAsync();

        var response = await Manager.PostAsync("/api/campaigns", new StringContent("{\"name\": \"x\",", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Status_follows_draft_active_paused_completed_only()
    {
        var id = await CreateAsync();
        var client = Manager;
        async Task<HttpStatusCode> Post(string action) => (await client.PostAsync($"/api/campaigns/{id}/{action}", null)).StatusCode;

        Assert.Equal(HttpStatusCode.Conflict, await Post("pause"));
        Assert.Equal(HttpStatusCode.OK, await Post("activate"));
        Assert.Equal(HttpStatusCode.Conflict, await Post("activate"));
        Assert.Equal(HttpStatusCode.OK, await Post("pause"));
        Assert.Equal(HttpStatusCode.OK, await Post("activate"));
        Assert.Equal(HttpStatusCode.OK, await Post("complete"));
        Assert.Equal(HttpStatusCode.Conflict, await Post("activate"));
        Assert.Equal(HttpStatusCode.Conflict, await Post("pause"));
        Assert.Equal(CampaignStatus.Completed, (await LoadAsync(id)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutAsync($"/api/campaigns/{id}", Json(CampaignJson.Valid()))).StatusCode);
    }

    [Fact]
    public async Task A_stored_campaign_that_breaks_the_rules_cannot_be_activated()
    {
        var campaign = new Campaign { Id = ObjectId.GenerateNewId(), Name = "Imported", Type = CampaignType.Wholesale, Status = CampaignStatus.Draft, CreatedAt = ApiFixture.DefaultNow.UtcDateTime };
        await api.Database.GetCollection<Campaign>(CollectionNames.Campaigns).InsertOneAsync(campaign);

        var response = await Manager.PostAsync($"/api/campaigns/{campaign.Id}/activate", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(CampaignStatus.Draft, (await LoadAsync(campaign.Id.ToString())).Status);
    }

    [Fact]
    public async Task An_update_replaces_the_editable_parts_and_keeps_status()
    {
        var id = await CreateAsync();
        await Manager.PostAsync($"/api/campaigns/{id}/activate", null);
        var body = CampaignJson.Valid("Renamed");
        Set(body, "budget.totalBudget", "9000");

        var response = await api.CreateStaffClient("admin").PutAsync($"/api/campaigns/{id}", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await LoadAsync(id);
        Assert.Equal(("Renamed", 9000m, CampaignStatus.Active), (stored.Name, stored.Budget.TotalBudget, stored.Status));
    }

    [Fact]
    public async Task An_invalid_update_changes_nothing()
    {
        var id = await CreateAsync(CampaignJson.Valid("Original"));
        var body = CampaignJson.Valid("Changed");
        Set(body, "schedule.callingHours.timezone", "\"Nowhere/Special\"");

        var response = await Manager.PutAsync($"/api/campaigns/{id}", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Original", (await LoadAsync(id)).Name);
    }

    [Fact]
    public async Task Unknown_campaigns_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateStaffClient("closer").GetAsync($"/api/campaigns/{ObjectId.GenerateNewId()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Manager.PostAsync("/api/campaigns/nope/activate", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateStaffClient("closer").GetAsync($"/api/campaigns/{ObjectId.GenerateNewId()}/metrics")).StatusCode);
    }

    /// <summary>Sets a dotted path (numbers index arrays) to a JSON value; a bare word is taken as a string.</summary>
    private static void Set(JsonObject body, string path, string value)
    {
        JsonNode node = body;
        var parts = path.Split('.');
        foreach (var part in parts[..^1]) node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        JsonNode? parsed;
        try { parsed = JsonNode.Parse(value); }
        catch (JsonException) { parsed = JsonValue.Create(value); }
        if (int.TryParse(parts[^1], out var index)) node[index] = parsed;
        else node[parts[^1]] = parsed;
    }
}
