using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using static NextLevel.Api.Tests.Intake.IntakePayloads;

namespace NextLevel.Api.Tests.Intake;

public class StaffLeadFormTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    [Fact]
    public async Task A_staff_lead_with_explicit_consent_is_stored_with_its_consent_event()
    {
        var externalId = Unique("crm");
        var client = fixture.CreateStaffClient("closer");
        var body = new
        {
            externalId,
            firstName = " Dana ",
            lastName = "Seller",
            phone = NewPhoneDigits(),
            email = "DANA@Example.com",
            address = new { street = "9 Elm St", city = "Tulsa", state = "Oklahoma", zipCode = "74103" },
            intent = new { type = "seller", urgency = "high", timeframe = "asap", motivation = new[] { "divorce" } },
            property = new { type = "single_family", condition = "needs_work", estimatedValue = 250000, estimatedEquity = 0.45 },
            tags = new[] { "Referral" },
            consent = new { text = "Yes, Next Level Real Estate may call me with automated calls.", method = "web_form", source = "https://example.com/sell", automatedCallsAllowed = true, textMessagesAllowed = false, ipAddress = "203.0.113.7", userAgent = "Mozilla/5.0" },
        };

        var response = await client.PostAsJsonAsync("/api/leads", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonObject>();
        var lead = await fixture.Database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.Id == ObjectId.Parse(created!["id"]!.ToString())).SingleAsync();
        Assert.Equal(LeadSource.Manual, lead.Source);
        Assert.Equal("dana@example.com", lead.Contact.Email);
        Assert.Equal("OK", lead.Contact.Address!.State);
        Assert.Equal(["referral"], lead.Tags);
        Assert.True(lead.Consent.HasWrittenConsent);
        Assert.True(lead.Qualification!.Score >= 0.7, $"score {lead.Qualification.Score}");
        var logged = Assert.Single(await new ConsentLedger(fixture.Database).ForLeadAsync(lead.Id));
        Assert.Equal("203.0.113.7", logged.IpAddress);
        Assert.Equal("Mozilla/5.0", logged.UserAgent);
        Assert.True(logged.ConsentDetails!.AutomatedCallsAllowed);
        Assert.False(logged.ConsentDetails.TextMessagesAllowed);

        var again = await client.PostAsJsonAsync("/api/leads", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await new ConsentLedger(fixture.Database).ForLeadAsync(lead.Id));
    }

    [Fact]
    public async Task Consent_given_in_the_future_is_refused()
    {
        var response = await fixture.CreateStaffClient("closer").PostAsJsonAsync("/api/leads", new
        {
            phone = NewPhoneDigits(),
            consent = new { text = "I agree.", automatedCallsAllowed = true, givenAt = fixture.Clock.GetUtcNow().AddDays(1) },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
