using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Contacts;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;
using static NextLevel.Api.Tests.Intake.IntakePayloads;

namespace NextLevel.Api.Tests.Intake;

public class GoogleAdsWebhookTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private const string Url = "/webhooks/leads/google-ads";
    private const string ConsentText = "I agree that Next Level Real Estate may call and text me at the number above, including by automated and AI-voice calls. Consent is not a condition of any purchase.";

    private IMongoCollection<Lead> Leads => fixture.Database.GetCollection<Lead>(CollectionNames.Leads);

    private async Task<HttpResponseMessage> PostAsync(JsonObject body) =>
        await fixture.CreateClient().PostAsync(Url, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    [Fact]
    public async Task A_lead_is_stored_once_normalised_scored_and_without_consent()
    {
        var leadId = Unique("g");
        var digits = NewPhoneDigits();
        var response = await PostAsync(GoogleLead(leadId, $"1-{digits[..3]}-{digits[3..6]}-{digits[6..]}"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal($"/api/leads/{body!["id"]}", response.Headers.Location!.OriginalString);

        var lead = await Leads.Find(l => l.ExternalId == leadId).SingleAsync();
        Assert.Equal(LeadSource.GoogleAds, lead.Source);
        Assert.Equal("+1" + digits, lead.Contact.Phone);
        Assert.Equal($"owner.{leadId[^6..]}@example.com", lead.Contact.Email);
        Assert.Equal(("Pat", "Owner"), (lead.Contact.FirstName, lead.Contact.LastName));
        Assert.Equal("WA", lead.Contact.Address!.State);
        Assert.Equal(IntentType.Seller, lead.Intent!.Type);
        Assert.NotNull(lead.Qualification);
        Assert.InRange(lead.Qualification!.Score, 0.01, 1);
        Assert.Equal(LeadStatus.New, lead.Status);
        Assert.False(lead.Consent.HasWrittenConsent);
        Assert.NotNull(lead.DncStatus.LastCheckedAt);
        Assert.Empty(await new ConsentLedger(fixture.Database).ForLeadAsync(lead.Id));

        var contact = await fixture.Database.GetCollection<Contact>(CollectionNames.Contacts).Find(c => c.Id == lead.ContactId).SingleAsync();
        Assert.Contains(lead.Id, contact.LeadIds);
        var property = await fixture.Database.GetCollection<Property>(CollectionNames.Properties).Find(p => p.Id == lead.PropertyId).SingleAsync();
        Assert.Equal(lead.PropertyAddress, property.Address.Formatted);
        Assert.Contains(lead.Id, property.LeadIds);
    }

    [Fact]
    public async Task An_explicit_consent_question_is_logged_with_its_text_ip_and_user_agent()
    {
        var leadId = Unique("g");
        var response = await PostAsync(GoogleLead(leadId, NewPhoneDigits(), extra: ("TCPA_CONSENT", ConsentText, "Yes")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lead = await Leads.Find(l => l.ExternalId == leadId).SingleAsync();
        Assert.True(lead.Consent.HasWrittenConsent);
        Assert.Equal(ConsentText, lead.Consent.ConsentText);
        var events = await new ConsentLedger(fixture.Database).ForLeadAsync(lead.Id);
        var granted = Assert.Single(events);
        Assert.Equal(ConsentEventType.ConsentGranted, granted.EventType);
        Assert.Equal(ConsentText, granted.ConsentDetails!.ConsentText);
        Assert.Equal(lead.Contact.Phone, granted.Phone);
        Assert.Equal(fixture.Clock.GetUtcNow().UtcDateTime.AddDays(365), granted.ConsentDetails.ExpiresAt);
    }

    [Fact]
    public async Task A_consent_question_answered_no_is_not_consent()
    {
        var leadId = Unique("g");
        await PostAsync(GoogleLead(leadId, NewPhoneDigits(), extra: ("TCPA_CONSENT", ConsentText, "No")));
        var lead = await Leads.Find(l => l.ExternalId == leadId).SingleAsync();
        Assert.False(lead.Consent.HasWrittenConsent);
        Assert.Empty(await new ConsentLedger(fixture.Database).ForLeadAsync(lead.Id));
    }

    [Fact]
    public async Task A_repeated_delivery_answers_200_with_the_same_lead_and_writes_nothing()
    {
        var payload = GoogleLead(Unique("g"), NewPhoneDigits(), extra: ("TCPA_CONSENT", ConsentText, "yes"));
        var first = await PostAsync(payload);
        var before = await fixture.CountsAsync();

        var second = await PostAsync(payload);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var (a, b) = (await first.Content.ReadFromJsonAsync<JsonObject>(), await second.Content.ReadFromJsonAsync<JsonObject>());
        Assert.Equal(a!["id"]!.ToString(), b!["id"]!.ToString());
        Assert.True(b["duplicate"]!.GetValue<bool>());
        Assert.Equal(before, await fixture.CountsAsync());
    }

    [Fact]
    public async Task Twenty_concurrent_identical_deliveries_make_one_lead_one_contact_one_consent_event()
    {
        var leadId = Unique("g");
        var json = GoogleLead(leadId, NewPhoneDigits(), extra: ("TCPA_CONSENT", ConsentText, "yes")).ToJsonString();
        var before = await fixture.CountsAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            fixture.CreateClient().PostAsync(Url, new StringContent(json, Encoding.UTF8, "application/json"))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.ToString()));
        Assert.Single(ids.Distinct());
        var after = await fixture.CountsAsync();
        Assert.Equal((before.Leads + 1, before.Contacts + 1, before.Properties + 1, before.Consents + 1), after);
    }

    [Fact]
    public async Task A_test_lead_is_stored_tagged_test_and_never_scheduled()
    {
        await InsertCampaignAsync("catch-all", _ => { });
        var leadId = Unique("g");
        var response = await PostAsync(GoogleLead(leadId, NewPhoneDigits(), isTest: true));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lead = await Leads.Find(l => l.ExternalId == leadId).SingleAsync();
        Assert.Contains("test", lead.Tags);
        Assert.Null(lead.CampaignId);
        Assert.Null(lead.NextFollowUp);
    }

    [Fact]
    public async Task The_best_active_campaign_is_assigned_and_the_first_follow_up_set()
    {
        var specific = await InsertCampaignAsync("Seattle sellers", t => { t.Geography.Cities.Add("Seattle"); t.LeadSources.Add(LeadSource.GoogleAds); });
        await InsertCampaignAsync("Washington", t => t.Geography.States.Add("WA"));
        await InsertCampaignAsync("Paused Seattle", t => t.Geography.ZipCodes.Add("98101"), CampaignStatus.Paused);
        var leadId = Unique("g");

        await PostAsync(GoogleLead(leadId, NewPhoneDigits()));

        var lead = await Leads.Find(l => l.ExternalId == leadId).SingleAsync();
        Assert.Equal(specific, lead.CampaignId);
        Assert.Equal(fixture.Clock.GetUtcNow().UtcDateTime, lead.NextFollowUp);
        Assert.Equal(LeadStatus.New, lead.Status);
        Assert.Equal(fixture.Clock.GetUtcNow().UtcDateTime, lead.AssignedAt);
    }

    [Fact]
    public async Task A_number_on_the_national_and_internal_lists_is_flagged()
    {
        var digits = NewPhoneDigits();
        var dnc = fixture.Database.GetCollection<DncEntry>(CollectionNames.DncRegistry);
        await dnc.InsertManyAsync(
        [
            new DncEntry { Phone = "+1" + digits, Source = DncSource.National, AddedAt = fixture.Clock.GetUtcNow().UtcDateTime.AddDays(-3) },
            new DncEntry { Phone = "+1" + digits, Source = DncSource.Internal, AddedAt = fixture.Clock.GetUtcNow().UtcDateTime.AddDays(-1) },
        ]);
        var leadId = Unique("g");

        await PostAsync(GoogleLead(leadId, digits));

        var lead = await Leads.Find(l => l.ExternalId == leadId).SingleAsync();
        Assert.True(lead.DncStatus.OnNationalRegistry);
        Assert.True(lead.DncStatus.InternalDNC);
        Assert.Equal(fixture.Clock.GetUtcNow().UtcDateTime, lead.DncStatus.LastCheckedAt);
    }

    [Fact]
    public async Task The_key_is_read_case_insensitively_and_a_trailing_comma_is_tolerated()
    {
        var leadId = Unique("g");
        var json = GoogleLead(leadId, NewPhoneDigits()).ToJsonString().Replace("\"google_key\"", "\"Google_key\"", StringComparison.Ordinal).TrimEnd('}') + ",}";
        var response = await fixture.CreateClient().PostAsync(Url, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<ObjectId> InsertCampaignAsync(string name, Action<CampaignTargeting> target, CampaignStatus status = CampaignStatus.Active)
    {
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        var campaign = new Campaign { Id = ObjectId.GenerateNewId(), Name = name + " " + Guid.NewGuid().ToString("N")[..6], Type = CampaignType.Wholesale, Status = status, CreatedAt = now.AddDays(-1), UpdatedAt = now };
        campaign.Schedule.StartDate = now.AddDays(-1);
        campaign.Schedule.CallingHours.Monday = new DailyWindow();
        target(campaign.Targeting);
        await fixture.Database.GetCollection<Campaign>(CollectionNames.Campaigns).InsertOneAsync(campaign);
        return campaign.Id;
    }
}
