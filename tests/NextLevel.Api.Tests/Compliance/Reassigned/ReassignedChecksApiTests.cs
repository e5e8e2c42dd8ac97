using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MongoDB.Bson;
using NextLevel.Domain.Compliance.Reassigned;

namespace NextLevel.Api.Tests.Compliance.Reassigned;

/// <summary>can-contact shows the Reassigned Numbers Database facts; staff list a number's checks.</summary>
public sealed class ReassignedChecksApiTests(ComplianceApiFixture fixture) : IClassFixture<ComplianceApiFixture>
{
    private async Task<(ObjectId LeadId, string Phone)> LeadWithConsentAsync(int daysAgo)
    {
        await fixture.ImportFreshNationalListAsync();
        var lead = await fixture.InsertLeadAsync();
        using var client = fixture.CreateStaffClient("closer");
        var response = await client.PostAsJsonAsync($"/api/leads/{lead.Id}/consent", new
        {
            consentText = ComplianceApiFixture.SellerConsent, method = "web_form", source = "website_form", automatedCallsAllowed = true, textMessagesAllowed = true,
            givenAt = fixture.Clock.GetUtcNow().AddDays(-daysAgo),
        });
        response.EnsureSuccessStatusCode();
        return (lead.Id, lead.Contact.Phone!);
    }

    private Task RecordAsync(ObjectId leadId, string phone, ReassignedCheckResult result, int consentDaysAgo) =>
        new ReassignedNumberChecks(fixture.Database, fixture.Clock).RecordAsync(leadId, phone, fixture.Clock.GetUtcNow().AddDays(-consentDaysAgo),
            new ReassignedAnswer(result, "simulator", "sim-1", true), "worker", default);

    [Fact]
    public async Task Old_consent_without_a_check_shows_the_check_as_due()
    {
        var (leadId, _) = await LeadWithConsentAsync(daysAgo: 40);
        using var client = fixture.CreateStaffClient("closer");

        var decision = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{leadId}?channel=call");

        Assert.False(decision.GetProperty("allowed").GetBoolean());
        Assert.Contains(decision.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "reassigned_check_required");
        var facts = decision.GetProperty("reassignedCheck");
        Assert.True(facts.GetProperty("checkDue").GetBoolean());
        Assert.Equal(fixture.Clock.GetUtcNow().AddDays(-40), facts.GetProperty("consentDate").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_recorded_check_allows_the_call_is_named_in_the_decision_and_is_listed()
    {
        var (leadId, phone) = await LeadWithConsentAsync(daysAgo: 40);
        await RecordAsync(leadId, phone, ReassignedCheckResult.NotReassigned, 40);
        using var client = fixture.CreateStaffClient("closer");

        var decision = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{leadId}?channel=call");
        Assert.True(decision.GetProperty("allowed").GetBoolean(), decision.ToString());
        var facts = decision.GetProperty("reassignedCheck");
        Assert.False(facts.GetProperty("checkDue").GetBoolean());
        Assert.Equal("not_reassigned", facts.GetProperty("result").GetString());

        var checks = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/reassigned-checks/{Uri.EscapeDataString(phone)}");
        var check = Assert.Single(checks.EnumerateArray());
        Assert.Equal(facts.GetProperty("consentLogId").GetString(), check.GetProperty("consentLogId").GetString());
        Assert.Equal("not_reassigned", check.GetProperty("result").GetString());
        Assert.Equal(leadId.ToString(), check.GetProperty("leadId").GetString());
        Assert.Equal("simulator", check.GetProperty("provider").GetString());

        using var admin = fixture.CreateStaffClient("admin");
        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/compliance/audit/consent-log?phone={Uri.EscapeDataString(phone)}");
        Assert.Contains(log.GetProperty("items").EnumerateArray(), e => e.GetProperty("eventType").GetString() == "reassigned_number_check");
    }

    [Fact]
    public async Task A_reassigned_answer_blocks_calls_and_texts_with_its_reason()
    {
        var (leadId, phone) = await LeadWithConsentAsync(daysAgo: 5);
        await RecordAsync(leadId, phone, ReassignedCheckResult.Reassigned, 5);
        using var client = fixture.CreateStaffClient("closer");

        foreach (var channel in new[] { "call", "sms" })
        {
            var decision = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{leadId}?channel={channel}");
            Assert.False(decision.GetProperty("allowed").GetBoolean());
            Assert.Contains(decision.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "number_reassigned");
            Assert.Equal("reassigned", decision.GetProperty("reassignedCheck").GetProperty("result").GetString());
        }
    }

    [Theory]
    [InlineData("not-a-phone")]
    [InlineData("{\"$gt\":\"\"}")]
    public async Task A_bad_number_is_a_validation_problem(string phone)
    {
        using var client = fixture.CreateStaffClient("closer");
        var response = await client.GetAsync($"/api/compliance/reassigned-checks/{Uri.EscapeDataString(phone)}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Listing_checks_needs_a_staff_sign_in()
    {
        using var client = fixture.CreateClient();
        var response = await client.GetAsync("/api/compliance/reassigned-checks/%2B12065550100");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
