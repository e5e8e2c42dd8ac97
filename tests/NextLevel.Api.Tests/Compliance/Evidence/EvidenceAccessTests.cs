using System.Net;
using System.Text.Json;
using MongoDB.Bson;

namespace NextLevel.Api.Tests.Compliance.Evidence;

public sealed class EvidenceAccessTests(EvidenceFixture fixture) : IClassFixture<EvidenceFixture>
{
    [Theory]
    [InlineData("closer")]
    [InlineData("campaign_manager")]
    public async Task Staff_outside_compliance_are_refused(string role)
    {
        var lead = await fixture.IntakeWithConsentAsync(EvidenceFixture.NewPhoneDigits());
        using var client = fixture.CreateStaffClient(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/compliance/evidence/{lead.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/compliance/evidence/by-phone/{Uri.EscapeDataString(lead.Contact.Phone!)}")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused()
    {
        using var client = fixture.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/compliance/evidence/{ObjectId.GenerateNewId()}")).StatusCode);
    }

    [Theory]
    [InlineData("compliance")]
    [InlineData("admin")]
    [InlineData("ops")]
    public async Task Admins_compliance_officers_and_ops_get_the_pdf(string role)
    {
        var lead = await fixture.IntakeWithConsentAsync(EvidenceFixture.NewPhoneDigits());
        using var client = fixture.CreateStaffClient(role);
        var response = await client.GetAsync($"/api/compliance/evidence/{lead.Id}?format=PDF");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await response.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/compliance/evidence/not-an-id", "leadId")]
    [InlineData("/api/compliance/evidence/{lead}?format=docx", "format")]
    [InlineData("/api/compliance/evidence/by-phone/12345", "e164")]
    [InlineData("/api/compliance/evidence/by-phone/%7B%22$gt%22:%22%22%7D", "e164")]
    [InlineData("/api/compliance/evidence/by-phone/+12065550100?format=%7B%22$ne%22:1%7D", "format")]
    public async Task Bad_input_is_a_400_naming_the_field(string path, string field)
    {
        var lead = await fixture.IntakeWithConsentAsync(EvidenceFixture.NewPhoneDigits());
        using var client = fixture.CreateStaffClient("compliance");
        var response = await client.GetAsync(path.Replace("{lead}", lead.Id.ToString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Unknown_leads_and_numbers_with_no_record_are_404()
    {
        using var client = fixture.CreateStaffClient("compliance");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/compliance/evidence/{ObjectId.GenerateNewId()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/compliance/evidence/by-phone/+12062000199?format=zip")).StatusCode);
    }
}
