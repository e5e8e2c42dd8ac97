using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NextLevel.Api.Tests.Compliance;

public sealed class CanContactApiTests(ComplianceApiFixture fixture) : IClassFixture<ComplianceApiFixture>
{
    [Fact]
    public async Task Unauthenticated_requests_are_refused()
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync($"/api/compliance/can-contact/{MongoDB.Bson.ObjectId.GenerateNewId()}?channel=call");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("not-an-id", "call", null, "leadId")]
    [InlineData("{\"$gt\":\"\"}", "call", null, "leadId")]
    [InlineData(null, "fax", null, "channel")]
    [InlineData(null, null, null, "channel")]
    [InlineData(null, "sms", "yesterday-ish", "at")]
    public async Task Bad_input_gets_a_validation_problem_naming_the_field(string? leadId, string? channel, string? at, string field)
    {
        using var client = fixture.CreateStaffClient("closer");
        var id = Uri.EscapeDataString(leadId ?? MongoDB.Bson.ObjectId.GenerateNewId().ToString());
        var query = (channel is null ? "" : $"channel={channel}") + (at is null ? "" : $"&at={Uri.EscapeDataString(at)}");
        var response = await client.GetAsync($"/api/compliance/can-contact/{id}?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Unknown_lead_is_404()
    {
        using var client = fixture.CreateStaffClient("closer");
        var response = await client.GetAsync($"/api/compliance/can-contact/{MongoDB.Bson.ObjectId.GenerateNewId()}?channel=call");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Written_consent_and_a_fresh_national_list_allow_an_automated_call_with_its_evidence()
    {
        await fixture.ImportFreshNationalListAsync();
        var lead = await fixture.InsertLeadAsync();
        await fixture.GrantConsentAsync(lead.Id);
        using var client = fixture.CreateStaffClient("closer");

        var decision = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=call");
        Assert.True(decision.GetProperty("allowed").GetBoolean(), decision.ToString());
        Assert.Equal("automated_call", decision.GetProperty("channel").GetString());
        Assert.Equal(24, decision.GetProperty("consentLogId").GetString()!.Length);
        Assert.Equal("America/Los_Angeles", decision.GetProperty("calleeTimeZone").GetString());
        Assert.True(decision.GetProperty("recordingDisclosureRequired").GetBoolean());
        Assert.Equal(0, decision.GetProperty("reasons").GetArrayLength());
    }

    [Fact]
    public async Task Early_morning_is_refused_with_the_next_allowed_time()
    {
        await fixture.ImportFreshNationalListAsync();
        var lead = await fixture.InsertLeadAsync();
        using var client = fixture.CreateStaffClient("closer");

        var decision = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=manual_call&at=2026-03-02T15:30:00Z");
        Assert.False(decision.GetProperty("allowed").GetBoolean());
        Assert.Equal("outside_calling_hours", decision.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture), decision.GetProperty("nextAllowedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Without_consent_an_automated_call_is_refused_but_a_person_may_call()
    {
        await fixture.ImportFreshNationalListAsync();
        var lead = await fixture.InsertLeadAsync();
        using var client = fixture.CreateStaffClient("closer");

        var automated = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=call");
        Assert.False(automated.GetProperty("allowed").GetBoolean());
        Assert.Contains(automated.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "no_written_consent");
        var manual = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=manual_call");
        Assert.True(manual.GetProperty("allowed").GetBoolean(), manual.ToString());
    }
}
