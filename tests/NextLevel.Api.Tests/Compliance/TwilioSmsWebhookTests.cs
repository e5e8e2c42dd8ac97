using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MongoDB.Driver;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Compliance;

public sealed class TwilioSmsWebhookTests(ComplianceApiFixture fixture) : IClassFixture<ComplianceApiFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("not base64 at all")]
    public async Task Missing_or_forged_signatures_are_refused_and_nothing_is_written(string? signature)
    {
        var lead = await fixture.InsertLeadAsync();
        var before = await fixture.SnapshotAsync();
        using var client = fixture.CreateClient();

        var response = await client.SendAsync(ComplianceApiFixture.SmsWebhook(ComplianceApiFixture.InboundSms(lead.Contact.Phone!, "STOP"), signature));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    [Fact]
    public async Task A_signature_over_other_parameters_is_refused()
    {
        var lead = await fixture.InsertLeadAsync();
        var before = await fixture.SnapshotAsync();
        var signedForHello = Domain.Integrations.TwilioSignature.Compute(ComplianceApiFixture.TwilioToken, ComplianceApiFixture.PublicBaseUrl + "/webhooks/twilio/sms",
            ComplianceApiFixture.InboundSms(lead.Contact.Phone!, "Hello"));
        using var client = fixture.CreateClient();

        var response = await client.SendAsync(ComplianceApiFixture.SmsWebhook(ComplianceApiFixture.InboundSms(lead.Contact.Phone!, "STOP"), signedForHello));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_refused_and_nothing_is_written()
    {
        var before = await fixture.SnapshotAsync();
        using var client = fixture.CreateClient();
        var response = await client.PostAsync("/webhooks/twilio/sms", JsonContent.Create(new { From = "+12065550100", Body = "STOP" }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    [Fact]
    public async Task A_stop_text_blocks_the_next_contact_at_once_on_every_telephone_channel()
    {
        await fixture.ImportFreshNationalListAsync();
        var lead = await fixture.InsertLeadAsync();
        await fixture.GrantConsentAsync(lead.Id);
        using var staff = fixture.CreateStaffClient("closer");
        Assert.True((await staff.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=sms")).GetProperty("allowed").GetBoolean());

        using var twilio = fixture.CreateClient();
        var response = await twilio.SendAsync(ComplianceApiFixture.SmsWebhook(ComplianceApiFixture.InboundSms(lead.Contact.Phone!, "Stop")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response>", await response.Content.ReadAsStringAsync());

        foreach (var channel in new[] { "sms", "call", "manual_call" })
        {
            var decision = await staff.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel={channel}");
            Assert.False(decision.GetProperty("allowed").GetBoolean());
            var codes = decision.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToList();
            Assert.Contains("consent_revoked", codes);
            Assert.Contains("internal_dnc", codes);
        }
        Assert.True((await staff.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=email")).GetProperty("allowed").GetBoolean());

        var stored = await fixture.Leads.Find(l => l.Id == lead.Id).SingleAsync();
        Assert.False(stored.Consent.HasWrittenConsent);
        Assert.False(stored.Consent.AutomatedCallsAllowed);
        Assert.False(stored.Consent.TextMessagesAllowed);
        Assert.True(stored.DncStatus.InternalDNC);
        var events = await new ConsentLedger(fixture.Database).ForLeadAsync(lead.Id);
        var revoked = Assert.Single(events, e => e.EventType == ConsentEventType.ConsentRevoked);
        Assert.Equal("sms_reply", revoked.Origin);
        Assert.Equal("Stop", revoked.Evidence);
        Assert.Contains(events, e => e.EventType == ConsentEventType.DncAdded);
        var entry = await fixture.Database.GetCollection<DncEntry>(CollectionNames.DncRegistry)
            .Find(e => e.Phone == lead.Contact.Phone && e.Source == DncSource.Internal).SingleAsync();
        Assert.Null(entry.ExpiresAt);
    }

    [Fact]
    public async Task A_revocation_word_leading_a_sentence_also_revokes()
    {
        var lead = await fixture.InsertLeadAsync();
        using var twilio = fixture.CreateClient();
        var response = await twilio.SendAsync(ComplianceApiFixture.SmsWebhook(ComplianceApiFixture.InboundSms(lead.Contact.Phone!, "UNSUBSCRIBE me from this please")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await fixture.Leads.Find(l => l.Id == lead.Id).SingleAsync()).DncStatus.InternalDNC);
    }

    [Fact]
    public async Task Stop_from_a_number_without_a_lead_still_goes_on_the_internal_list()
    {
        var phone = ComplianceApiFixture.NewPhone();
        using var twilio = fixture.CreateClient();
        var response = await twilio.SendAsync(ComplianceApiFixture.SmsWebhook(ComplianceApiFixture.InboundSms(phone, "quit")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await new ConsentLedger(fixture.Database).ForPhoneAsync(phone);
        Assert.Contains(events, e => e.EventType == ConsentEventType.ConsentRevoked && e.LeadId == null);
        Assert.Equal(1, await fixture.Database.GetCollection<DncEntry>(CollectionNames.DncRegistry).CountDocumentsAsync(e => e.Phone == phone && e.Source == DncSource.Internal));
    }

    [Fact]
    public async Task Any_other_text_is_a_reply_that_pauses_automation_and_asks_for_a_person()
    {
        var lead = await fixture.InsertLeadAsync();
        var logsBefore = (await fixture.SnapshotAsync()).ConsentLogs;
        using var twilio = fixture.CreateClient();

        var response = await twilio.SendAsync(ComplianceApiFixture.SmsWebhook(ComplianceApiFixture.InboundSms(lead.Contact.Phone!, "What would you offer for the house?")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await fixture.Leads.Find(l => l.Id == lead.Id).SingleAsync();
        var attempt = Assert.Single(stored.ContactAttempts);
        Assert.Equal(Domain.Leads.ContactMethod.Sms, attempt.Type);
        Assert.Equal("replied", attempt.Outcome);
        Assert.Equal(attempt.Timestamp, stored.FirstContactAt);
        Assert.Null(stored.NextFollowUp);
        Assert.Contains("needs_human", stored.Tags);
        Assert.False(stored.DncStatus.InternalDNC);
        Assert.Equal(logsBefore, (await fixture.SnapshotAsync()).ConsentLogs);
    }
}
