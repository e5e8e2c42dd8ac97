using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Compliance;

namespace NextLevel.Api.Tests.Compliance;

public sealed class ConsentApiTests(ComplianceApiFixture fixture) : IClassFixture<ComplianceApiFixture>
{
    [Fact]
    public async Task Staff_grant_keeps_the_text_source_ip_user_agent_and_number()
    {
        var lead = await fixture.InsertLeadAsync();
        await fixture.GrantConsentAsync(lead.Id);

        var grant = Assert.Single(await new ConsentLedger(fixture.Database).ForLeadAsync(lead.Id));
        Assert.Equal(ConsentEventType.ConsentGranted, grant.EventType);
        Assert.Equal(lead.Contact.Phone, grant.Phone);
        Assert.Equal(ComplianceApiFixture.SellerConsent, grant.ConsentDetails!.ConsentText);
        Assert.Equal("website_form", grant.ConsentDetails.Source);
        Assert.Equal("203.0.113.7", grant.IpAddress);
        Assert.Equal("Mozilla/5.0 (test)", grant.UserAgent);
        Assert.Equal("staff:000000000000000000000001", grant.RecordedBy);
        Assert.Equal(fixture.Clock.GetUtcNow().UtcDateTime.AddDays(365), grant.ConsentDetails.ExpiresAt);
        var stored = await fixture.Leads.Find(l => l.Id == lead.Id).SingleAsync();
        Assert.True(stored.Consent.HasWrittenConsent);
        Assert.Equal(ComplianceApiFixture.SellerConsent, stored.Consent.ConsentText);
    }

    public static TheoryData<string, string> BadGrants => new()
    {
        { """{"method":"web_form","source":"x","automatedCallsAllowed":true}""", "consentText" },
        { """{"consentText":"Next Level Real Estate may call me","method":"carrier_pigeon","source":"x","automatedCallsAllowed":true}""", "method" },
        { """{"consentText":"Next Level Real Estate may call me","method":"web_form","automatedCallsAllowed":true}""", "source" },
        { """{"consentText":"Next Level Real Estate may call me","method":"web_form","source":"x"}""", "automatedCallsAllowed" },
        { """{"consentText":"Next Level Real Estate may call me","method":"web_form","source":"x","automatedCallsAllowed":true,"phone":"call me maybe"}""", "phone" },
        { """{"consentText":"Next Level Real Estate may call me","method":"web_form","source":"x","automatedCallsAllowed":true,"givenAt":"2030-01-01T00:00:00Z"}""", "givenAt" },
    };

    [Theory]
    [MemberData(nameof(BadGrants))]
    public async Task Invalid_grants_get_field_errors_and_write_nothing(string json, string field)
    {
        var lead = await fixture.InsertLeadAsync();
        var before = await fixture.SnapshotAsync();
        using var client = fixture.CreateStaffClient("closer");

        var response = await client.PostAsync($"/api/leads/{lead.Id}/consent", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    [Theory]
    [InlineData("""{"consentText":{"$gt":""},"method":"web_form","source":"x","automatedCallsAllowed":true}""")]
    [InlineData("""{"consentText":"ok","method":"web_form","source":"x","automatedCallsAllowed":"yes"}""")]
    [InlineData("""{"consentText":"ok",""")]
    [InlineData("""[1,2,3]""")]
    public async Task Hostile_or_malformed_bodies_get_4xx_and_write_nothing(string json)
    {
        var lead = await fixture.InsertLeadAsync();
        var before = await fixture.SnapshotAsync();
        using var client = fixture.CreateStaffClient("closer");

        var response = await client.PostAsync($"/api/leads/{lead.Id}/consent", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    [Fact]
    public async Task Grant_for_an_unknown_lead_is_404_and_writes_nothing()
    {
        var before = await fixture.SnapshotAsync();
        using var client = fixture.CreateStaffClient("closer");
        var response = await client.PostAsJsonAsync($"/api/leads/{ObjectId.GenerateNewId()}/consent", new
        {
            consentText = ComplianceApiFixture.SellerConsent, method = "written", source = "paper", automatedCallsAllowed = true,
        });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    [Fact]
    public async Task Staff_revocation_of_calls_blocks_calls_at_once_and_adds_the_number_to_the_internal_list()
    {
        await fixture.ImportFreshNationalListAsync();
        var lead = await fixture.InsertLeadAsync();
        await fixture.GrantConsentAsync(lead.Id);
        using var client = fixture.CreateStaffClient("closer");

        var response = await client.PostAsJsonAsync($"/api/leads/{lead.Id}/consent/revoke", new { channels = new[] { "call" }, reason = "asked on the phone" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("addedToInternalDnc").GetBoolean());
        var call = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=call");
        Assert.False(call.GetProperty("allowed").GetBoolean());
        var stored = await fixture.Leads.Find(l => l.Id == lead.Id).SingleAsync();
        Assert.False(stored.Consent.AutomatedCallsAllowed);
        Assert.True(stored.Consent.TextMessagesAllowed);
    }

    [Fact]
    public async Task Revoking_texts_only_leaves_calls_allowed()
    {
        await fixture.ImportFreshNationalListAsync();
        var lead = await fixture.InsertLeadAsync();
        await fixture.GrantConsentAsync(lead.Id);
        using var client = fixture.CreateStaffClient("closer");

        (await client.PostAsJsonAsync($"/api/leads/{lead.Id}/consent/revoke", new { channels = new[] { "sms" } })).EnsureSuccessStatusCode();

        Assert.False((await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=sms")).GetProperty("allowed").GetBoolean());
        Assert.True((await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=call")).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task Revocation_with_an_unknown_channel_or_lead_writes_nothing()
    {
        var lead = await fixture.InsertLeadAsync();
        var before = await fixture.SnapshotAsync();
        using var client = fixture.CreateStaffClient("closer");

        var bad = await client.PostAsJsonAsync($"/api/leads/{lead.Id}/consent/revoke", new { channels = new[] { "pager" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var missing = await client.PostAsJsonAsync($"/api/leads/{ObjectId.GenerateNewId()}/consent/revoke", new { });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    [Fact]
    public async Task Spoken_request_in_a_transcript_revokes_through_the_domain()
    {
        var lead = await fixture.InsertLeadAsync();
        var records = new ConsentRecords(fixture.Database, fixture.Clock);

        Assert.Null(await records.RevokeFromTranscriptAsync(lead.Id, ["Hi", "Maybe next year"], "calls", default));
        var result = await records.RevokeFromTranscriptAsync(lead.Id, ["Who is this?", "Please take me off your calling list."], "calls", default);

        Assert.NotNull(result);
        Assert.True(result.AddedToInternalDnc);
        var revoked = Assert.Single(await new ConsentLedger(fixture.Database).ForLeadAsync(lead.Id), e => e.EventType == ConsentEventType.ConsentRevoked);
        Assert.Equal("call_transcript", revoked.Origin);
        Assert.Equal("Please take me off your calling list.", revoked.Evidence);
    }
}
