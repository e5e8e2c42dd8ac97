using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MongoDB.Driver;
using NextLevel.Domain.Contacts;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using static NextLevel.Api.Tests.Intake.IntakePayloads;

namespace NextLevel.Api.Tests.Intake;

public class ProviderWebhookTests(IntakeFixture fixture) : IClassFixture<IntakeFixture>
{
    private IMongoCollection<Lead> Leads => fixture.Database.GetCollection<Lead>(CollectionNames.Leads);

    private Task<HttpResponseMessage> PostZillowAsync(string form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/leads/zillow") { Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Zillow-Secret", IntakeFixture.ZillowSecret);
        return fixture.CreateClient().SendAsync(request);
    }

    private Task<HttpResponseMessage> PostRealGeeksAsync(JsonObject lead)
    {
        var body = lead.ToJsonString();
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/leads/realgeeks") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Lead-Router-Signature", IntakeFixture.RealGeeksSignature(body));
        request.Headers.Add("X-Lead-Router-Action", "created");
        return fixture.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task A_zillow_form_post_is_stored_once_normalised()
    {
        var digits = NewPhoneDigits();
        var email = $"Rachel.{Guid.NewGuid():N}@Example.com";
        var form = ZillowForm("p01023", $"{digits[..3]}-{digits[3..6]}-{digits[6..]}", email);

        var first = await PostZillowAsync(form);
        var second = await PostZillowAsync(form);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var lead = await Leads.Find(l => l.Source == LeadSource.Zillow && l.Contact.Email == email.ToLowerInvariant()).SingleAsync();
        Assert.Equal("+1" + digits, lead.Contact.Phone);
        Assert.Equal("CA", lead.Contact.Address!.State);
        Assert.Equal("246 Tennessee Avenue C102, Sunnyvale, CA 94086", lead.PropertyAddress);
        Assert.Equal(("Rachel", "Lee"), (lead.Contact.FirstName, lead.Contact.LastName));
        Assert.NotNull(lead.Qualification);
        Assert.False(lead.Consent.HasWrittenConsent);
    }

    [Fact]
    public async Task A_zillow_json_post_with_our_lead_id_is_accepted()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/leads/zillow")
        {
            Content = JsonContent.Create(new { leadId = Unique("z"), listingId = "p9", email = $"{Guid.NewGuid():N}@example.com", phone = NewPhoneDigits(), intent = "seller" }),
        };
        request.Headers.Add("X-Zillow-Secret", IntakeFixture.ZillowSecret);
        var response = await fixture.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_real_geeks_lead_is_stored_once()
    {
        var id = Guid.NewGuid().ToString();
        var digits = NewPhoneDigits();
        var payload = RealGeeksLead(id, $"{digits[..3]}-{digits[3..6]}-{digits[6..]}", $"{Guid.NewGuid():N}@mail.com");

        var first = await PostRealGeeksAsync(payload);
        payload["id"] = id.Replace("-", "", StringComparison.Ordinal); // the same lead, sent dash-less
        var second = await PostRealGeeksAsync(payload);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var lead = await Leads.Find(l => l.Source == LeadSource.RealGeeks && l.Contact.Phone == "+1" + digits).SingleAsync();
        Assert.Equal(IntentType.Seller, lead.Intent!.Type);
        Assert.Equal("77 Ocean Ave, Miami, FL 33139", lead.PropertyAddress);
    }

    [Fact]
    public async Task The_same_person_from_two_sources_is_one_contact()
    {
        var digits = NewPhoneDigits();
        var email = $"{Guid.NewGuid():N}@mail.com";

        Assert.Equal(HttpStatusCode.Created, (await PostRealGeeksAsync(RealGeeksLead(Guid.NewGuid().ToString(), digits, email))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostZillowAsync(ZillowForm("p77", $"({digits[..3]}) {digits[3..6]}-{digits[6..]}", "other@example.com"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await fixture.CreateClient().PostAsJsonAsync("/webhooks/leads/google-ads", GoogleLead(Unique("g"), NewPhoneDigits(), email: email))).StatusCode);

        var leads = await Leads.Find(l => l.Contact.Phone == "+1" + digits || l.Contact.Email == email).ToListAsync();
        Assert.Equal(3, leads.Count);
        var contactId = Assert.Single(leads.Select(l => l.ContactId).Distinct());
        var contact = await fixture.Database.GetCollection<Contact>(CollectionNames.Contacts).Find(c => c.Id == contactId).SingleAsync();
        Assert.Equal(3, contact.LeadIds.Count);
        Assert.Equal([LeadSource.RealGeeks, LeadSource.Zillow, LeadSource.GoogleAds], contact.Sources);
    }

    [Fact]
    public async Task Concurrent_new_leads_of_one_new_person_at_one_address_share_one_contact_and_one_property()
    {
        var digits = NewPhoneDigits();
        var street = $"{Random.Shared.Next(100, 99999)} Race Rd";
        var payloads = Enumerable.Range(0, 10).Select(_ =>
        {
            var lead = RealGeeksLead(Guid.NewGuid().ToString(), digits, $"{Guid.NewGuid():N}@mail.com");
            lead["street_address"] = street;
            return lead;
        }).ToList();

        var responses = await Task.WhenAll(payloads.Select(PostRealGeeksAsync));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var leads = await Leads.Find(l => l.Contact.Phone == "+1" + digits).ToListAsync();
        Assert.Equal(10, leads.Count);
        var contactId = Assert.Single(leads.Select(l => l.ContactId).Distinct());
        var propertyId = Assert.Single(leads.Select(l => l.PropertyId).Distinct());
        var contact = await fixture.Database.GetCollection<Contact>(CollectionNames.Contacts).Find(c => c.Id == contactId).SingleAsync();
        Assert.Equal(10, contact.LeadIds.Count);
        var property = await fixture.Database.GetCollection<NextLevel.Domain.Properties.Property>(CollectionNames.Properties).Find(p => p.Id == propertyId).SingleAsync();
        Assert.Equal(10, property.LeadIds.Count);
    }
}
