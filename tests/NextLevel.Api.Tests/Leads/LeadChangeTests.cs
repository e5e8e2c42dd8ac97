using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MongoDB.Bson;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;

namespace NextLevel.Api.Tests.Leads;

public class LeadChangeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly DateTime T0 = ApiFixture.DefaultNow.UtcDateTime.AddDays(-3);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> PatchStatusAsync(ObjectId id, string json, string role = "closer") =>
        await api.CreateStaffClient(role, "65f000000000000000000042").PatchAsync($"/api/leads/{id}/status", Json(json));

    [Fact]
    public async Task Detail_has_the_lead_its_property_summary_and_the_timeline()
    {
        var property = new Property { Id = ObjectId.GenerateNewId(), Address = new PropertyAddress { Formatted = $"{Guid.NewGuid():N} Main St, Seattle, WA 98101" }, Type = PropertyType.SingleFamily, CreatedAt = T0 };
        await api.Database.GetCollection<Property>(CollectionNames.Properties).InsertOneAsync(property);
        var lead = await TestLeads.At(T0).Property(property.Id).ContactedAfter(TimeSpan.FromMinutes(4)).SaveAsync(api.Database);
        await api.Database.GetCollection<Call>(CollectionNames.Calls).InsertOneAsync(new Call
        {
            Id = ObjectId.GenerateNewId(), CallSid = "CA" + Guid.NewGuid().ToString("N"), LeadId = lead.Id, ContactPhone = "+12065550100",
            InitiatedAt = T0.AddMinutes(4), Status = CallStatus.Completed, Duration = 120, CreatedAt = T0, UpdatedAt = T0,
        });

        var detail = await api.CreateStaffClient("closer").GetFromJsonAsync<JsonElement>($"/api/leads/{lead.Id}");

        Assert.Equal(lead.Id.ToString(), detail.GetProperty("lead").GetProperty("id").GetString());
        Assert.Equal("zillow", detail.GetProperty("lead").GetProperty("source").GetString());
        Assert.Equal(property.Id.ToString(), detail.GetProperty("property").GetProperty("id").GetString());
        Assert.Equal("single_family", detail.GetProperty("property").GetProperty("type").GetString());
        var kinds = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["received", "contact_attempt", "call"], kinds);
    }

    [Fact]
    public async Task Unknown_or_malformed_ids_are_404()
    {
        var client = api.CreateStaffClient("closer");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/leads/{ObjectId.GenerateNewId()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/leads/%7B%22%24gt%22%3A%22%22%7D")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PatchStatusAsync(ObjectId.GenerateNewId(), """{"status":"contacted"}""")).StatusCode);
    }

    [Fact]
    public async Task An_allowed_change_is_stored_with_who_and_when()
    {
        var lead = await TestLeads.At(T0).SaveAsync(api.Database);

        var response = await PatchStatusAsync(lead.Id, """{"status":"contacted","stage":"contacted"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await TestLeads.LoadAsync(api.Database, lead.Id);
        Assert.Equal((LeadStatus.Contacted, LeadStage.Contacted), (stored.Status, stored.Stage));
        Assert.Equal("65f000000000000000000042", stored.UpdatedBy);
        Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, stored.UpdatedAt);
    }

    [Theory]
    [InlineData("new", "new", """{"status":"converted"}""", "status")]
    [InlineData("qualified", "negotiation", """{"status":"converted"}""", "status")]
    [InlineData("new", "new", """{"status":"dnc"}""", "status")]
    [InlineData("dnc", "contacted", """{"status":"contacted"}""", "status")]
    [InlineData("converted", "closed", """{"status":"lost"}""", "status")]
    [InlineData("contacted", "qualified", """{"stage":"contacted"}""", "stage")]
    [InlineData("contacted", "offer_made", """{"stage":"closed"}""", "stage")]
    [InlineData("contacted", "contacted", """{"stage":"lost"}""", "stage")]
    public async Task A_change_the_lifecycle_forbids_is_400_and_nothing_changes(string status, string stage, string body, string field)
    {
        Assert.True(StoredEnumNames<LeadStatus>.TryParse(status, out var s));
        Assert.True(StoredEnumNames<LeadStage>.TryParse(stage, out var g));
        var lead = await TestLeads.At(T0).In(s, g).SaveAsync(api.Database);

        var response = await PatchStatusAsync(lead.Id, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        var stored = await TestLeads.LoadAsync(api.Database, lead.Id);
        Assert.Equal((s, g, lead.UpdatedAt), (stored.Status, stored.Stage, stored.UpdatedAt));
    }

    [Fact]
    public async Task Converting_needs_the_deal_closed_in_the_same_change()
    {
        var lead = await TestLeads.At(T0).In(LeadStatus.Qualified, LeadStage.Negotiation).SaveAsync(api.Database);

        var response = await PatchStatusAsync(lead.Id, """{"status":"converted","stage":"closed"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LeadStatus.Converted, (await TestLeads.LoadAsync(api.Database, lead.Id)).Status);
    }

    [Theory]
    [InlineData("""{"status":{"$gt":""}}""", "status")]
    [InlineData("""{"status":"contacted","stage":{"$set":{"status":"converted"}}}""", "stage")]
    [InlineData("""{"status":7}""", "status")]
    [InlineData("""{"status":"won"}""", "status")]
    [InlineData("""{"status":"contacted" """, "body")]
    [InlineData("""[]""", "body")]
    [InlineData("""{}""", "status")]
    public async Task Hostile_or_malformed_bodies_are_400_with_a_field_and_write_nothing(string body, string field)
    {
        var lead = await TestLeads.At(T0).SaveAsync(api.Database);

        var response = await PatchStatusAsync(lead.Id, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        var stored = await TestLeads.LoadAsync(api.Database, lead.Id);
        Assert.Equal((LeadStatus.New, LeadStage.New, lead.UpdatedAt), (stored.Status, stored.Stage, stored.UpdatedAt));
    }

    [Fact]
    public async Task Notes_are_appended_with_author_and_time()
    {
        var lead = await TestLeads.At(T0).SaveAsync(api.Database);
        var client = api.CreateStaffClient("closer", "65f000000000000000000043");

        var first = await client.PostAsync($"/api/leads/{lead.Id}/notes", Json("""{"text":"Called back, wants an offer by Friday."}"""));
        var second = await client.PostAsync($"/api/leads/{lead.Id}/notes", Json("""{"text":"Sent comps."}"""));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var notes = (await TestLeads.LoadAsync(api.Database, lead.Id)).Notes;
        Assert.Equal(["Called back, wants an offer by Friday.", "Sent comps."], notes.Select(n => n.Text));
        Assert.All(notes, n => Assert.Equal("65f000000000000000000043", n.AuthorId));
        Assert.All(notes, n => Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, n.At));
    }

    [Theory]
    [InlineData("""{"text":""}""")]
    [InlineData("""{"text":{"$set":{"status":"converted"}}}""")]
    [InlineData("""{"note":"wrong field"}""")]
    [InlineData("""not json""")]
    public async Task Bad_notes_are_400_and_write_nothing(string body)
    {
        var lead = await TestLeads.At(T0).SaveAsync(api.Database);

        var response = await api.CreateStaffClient("closer").PostAsync($"/api/leads/{lead.Id}/notes", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await TestLeads.LoadAsync(api.Database, lead.Id)).Notes);
    }

    [Fact]
    public async Task A_note_longer_than_4000_characters_is_refused()
    {
        var lead = await TestLeads.At(T0).SaveAsync(api.Database);

        var response = await api.CreateStaffClient("closer").PostAsJsonAsync($"/api/leads/{lead.Id}/notes", new { text = new string('x', 4001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Tags_are_replaced_normalised_and_deduplicated()
    {
        var lead = await TestLeads.At(T0).Tagged("old").SaveAsync(api.Database);

        var response = await api.CreateStaffClient("ops").PutAsJsonAsync($"/api/leads/{lead.Id}/tags", new { tags = new[] { "Hot", "probate", "hot", " vacant " } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["hot", "probate", "vacant"], (await TestLeads.LoadAsync(api.Database, lead.Id)).Tags);
    }

    [Theory]
    [InlineData("""{"tags":["ok","not ok!"]}""")]
    [InlineData("""{"tags":[{"$gt":""}]}""")]
    [InlineData("""{"tags":"hot"}""")]
    [InlineData("""{}""")]
    public async Task Bad_tags_are_400_and_keep_the_old_ones(string body)
    {
        var lead = await TestLeads.At(T0).Tagged("old").SaveAsync(api.Database);

        var response = await api.CreateStaffClient("ops").PutAsync($"/api/leads/{lead.Id}/tags", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["old"], (await TestLeads.LoadAsync(api.Database, lead.Id)).Tags);
    }

    [Fact]
    public async Task Changes_need_a_signed_in_staff_member()
    {
        var lead = await TestLeads.At(T0).SaveAsync(api.Database);
        var anonymous = api.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PatchAsync($"/api/leads/{lead.Id}/status", Json("""{"status":"contacted"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/leads/{lead.Id}/notes", Json("""{"text":"x"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateStaffClient("guest").PutAsync($"/api/leads/{lead.Id}/tags", Json("""{"tags":[]}"""))).StatusCode);
        Assert.Equal(LeadStatus.New, (await TestLeads.LoadAsync(api.Database, lead.Id)).Status);
    }
}

/// <summary>Parses the stored enum names in tests.</summary>
internal static class StoredEnumNames<TEnum> where TEnum : struct, Enum
{
    public static bool TryParse(string name, out TEnum value)
    {
        foreach (var v in Enum.GetValues<TEnum>())
            if (StoredEnum.Name(v) == name) { value = v; return true; }
        value = default;
        return false;
    }
}
