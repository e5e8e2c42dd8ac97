using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Closers.Offers;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;
using NextLevel.Domain.Valuation;
using static NextLevel.Api.Tests.Closers.ClosersData;

namespace NextLevel.Api.Tests.Closers;

public sealed class OfferDealApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static string NewOffer(ObjectId leadId, decimal amount = 150_000m, decimal fee = 10_000m) =>
        JsonSerializer.Serialize(new { leadId = leadId.ToString(), amount, terms = "Cash, close in 14 days", expiresAt = "2026-03-09T17:00:00Z", wholesaleFee = fee });

    private Task<Property> LoadPropertyAsync(ObjectId id) => api.Database.GetCollection<Property>(CollectionNames.Properties).Find(p => p.Id == id).FirstAsync();

    [Fact]
    public async Task The_valuation_for_an_offer_is_the_one_rule_with_the_fee_and_the_margin()
    {
        var property = await PropertyAsync(api, 287_500m, 31_250m);
        var client = Client(api, await CloserAsync(api));

        var valuation = await client.GetFromJsonAsync<JsonElement>($"/api/properties/{property.Id}/valuation-for-offer?wholesaleFee=12500");
        var expected = WholesaleValuation.ForOffer(287_500m, 31_250m, 12_500m);

        Assert.Equal(expected.MaximumAllowableOffer, valuation.GetProperty("maximumAllowableOffer").GetDecimal());
        Assert.Equal(expected.Margin, valuation.GetProperty("margin").GetDecimal());
        Assert.Equal(12_500m, valuation.GetProperty("wholesaleFee").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/properties/{property.Id}/valuation-for-offer?wholesaleFee=-1")).StatusCode);
        var unvalued = await PropertyAsync(api, arv: null);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/properties/{unvalued.Id}/valuation-for-offer")).StatusCode);
    }

    [Fact]
    public async Task An_offer_goes_draft_sent_countered_accepted_with_its_history_and_the_lead_stage_follows()
    {
        var property = await PropertyAsync(api);
        var lead = await LeadAsync(api, property);
        var client = Client(api, await CloserAsync(api));

        var created = await client.PostAsync($"/api/properties/{property.Id}/offers", Json(NewOffer(lead.Id)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var offer = await ReadAsync(created);
        var id = offer.GetProperty("id").GetString();
        Assert.Equal("draft", offer.GetProperty("status").GetString());
        Assert.Equal(WholesaleValuation.ForOffer(300_000m, 40_000m, 10_000m).MaximumAllowableOffer, offer.GetProperty("valuation").GetProperty("maximumAllowableOffer").GetDecimal());

        var acceptDraft = await client.PostAsync($"/api/offers/{id}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, acceptDraft.StatusCode);
        Assert.Equal(OfferStatus.Draft, (await LoadPropertyAsync(property.Id)).Offers.Single().Status);
        Assert.Single((await LoadPropertyAsync(property.Id)).Offers.Single().History);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/offers/{id}/send", null)).StatusCode);
        Assert.Equal(LeadStage.OfferMade, (await ReloadAsync(api, lead.Id)).Stage);
        var counter = await client.PostAsync($"/api/offers/{id}/counter", Json("""{"amount":165000,"by":"seller","note":"wants more"}"""));
        Assert.Equal(HttpStatusCode.OK, counter.StatusCode);
        Assert.Equal(165_000m, (await ReadAsync(counter)).GetProperty("amount").GetDecimal());
        Assert.Equal(LeadStage.Negotiation, (await ReloadAsync(api, lead.Id)).Stage);
        var acceptResponse = await client.PostAsync($"/api/offers/{id}/accept", null);
        Assert.True(acceptResponse.IsSuccessStatusCode, await acceptResponse.Content.ReadAsStringAsync());
        var accepted = await ReadAsync(acceptResponse);

        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        var history = accepted.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["created", "sent", "countered", "accepted"], history.Select(h => h.GetProperty("action").GetString()));
        Assert.Equal("us", history[3].GetProperty("by").GetString()); // we accepted the seller's counter
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/offers/{id}/reject", null)).StatusCode);
        Assert.Equal(4, (await LoadPropertyAsync(property.Id)).Offers.Single().History.Count);

        var conversion = await new NextLevel.Domain.Reporting.OfferToDealQuery(api.Database)
            .ComputeAsync(ApiFixture.DefaultNow.UtcDateTime.AddDays(-1), ApiFixture.DefaultNow.UtcDateTime.AddDays(1));
        Assert.True(conversion.OffersSent >= 1);

        // The closers' metrics report the same conversion, from the same records.
        var from = ApiFixture.DefaultNow.UtcDateTime.AddDays(-1).ToString("O");
        var to = ApiFixture.DefaultNow.UtcDateTime.AddDays(1).ToString("O");
        var metrics = await ReadAsync(await client.GetAsync($"/api/metrics/closers?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}"));
        var reported = metrics.GetProperty("offerToDeal");
        Assert.Equal(conversion.OffersSent, reported.GetProperty("offersSent").GetInt32());
        Assert.Equal(conversion.Deals, reported.GetProperty("deals").GetInt32());
        Assert.Equal(conversion.ConversionRate, reported.GetProperty("conversionRate").GetDouble());
    }

    [Fact]
    public async Task An_offer_past_its_expiry_cannot_be_sent_or_accepted()
    {
        var property = await PropertyAsync(api);
        var lead = await LeadAsync(api, property);
        var client = Client(api, await CloserAsync(api));
        var body = JsonSerializer.Serialize(new { leadId = lead.Id.ToString(), amount = 100_000, expiresAt = api.Clock.GetUtcNow().AddMinutes(1).ToString("O") });
        var id = (await ReadAsync(await client.PostAsync($"/api/properties/{property.Id}/offers", Json(body)))).GetProperty("id").GetString();
        await client.PostAsync($"/api/offers/{id}/send", null);

        // The clock only moves forward; the other tests of this class use times days ahead.
        api.Clock.Advance(TimeSpan.FromMinutes(2));
        var accept = await client.PostAsync($"/api/offers/{id}/accept", null);

        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.Contains("expired", (await ReadAsync(accept)).GetProperty("detail").GetString());
        Assert.Equal(OfferStatus.Sent, (await LoadPropertyAsync(property.Id)).Offers.Single().Status);
    }

    [Fact]
    public async Task Offer_requests_are_validated_and_the_lead_must_belong_to_the_property()
    {
        var property = await PropertyAsync(api);
        var stranger = await LeadAsync(api, await PropertyAsync(api));
        var client = Client(api, await CloserAsync(api));

        var notHisLead = await client.PostAsync($"/api/properties/{property.Id}/offers", Json(NewOffer(stranger.Id)));
        var injected = await client.PostAsync($"/api/properties/{property.Id}/offers", Json("""{"leadId":{"$gt":""},"amount":1}"""));
        var expired = await client.PostAsync($"/api/properties/{property.Id}/offers", Json($$"""{"leadId":"{{stranger.Id}}","amount":1000,"expiresAt":"2026-03-01T00:00:00Z"}"""));

        Assert.All([notHisLead, injected, expired], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Empty((await LoadPropertyAsync(property.Id)).Offers);
    }

    [Fact]
    public async Task An_accepted_offer_becomes_a_deal_closing_converts_the_lead_and_the_campaign_metrics_count_the_records()
    {
        var campaign = await CampaignAsync(api);
        var client = Client(api, await CloserAsync(api));
        var property = await PropertyAsync(api);
        var lead = await LeadAsync(api, property, campaign.Id, LeadStatus.Contacted, LeadStage.Contacted);
        var other = await LeadAsync(api, await PropertyAsync(api), campaign.Id);
        await LeadAsync(api, null, campaign.Id);

        var visit = await client.PostAsync($"/api/leads/{lead.Id}/appointments", Json("""{"startsAt":"2026-03-03T18:00:00Z","durationMinutes":60}"""));
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        var offerId = (await ReadAsync(await client.PostAsync($"/api/properties/{property.Id}/offers", Json(NewOffer(lead.Id))))).GetProperty("id").GetString();
        var draftOnly = (await ReadAsync(await client.PostAsync($"/api/properties/{other.PropertyId}/offers", Json(NewOffer(other.Id))))).GetProperty("id").GetString();
        Assert.NotNull(draftOnly);
        var deal = JsonSerializer.Serialize(new { contractDate = "2026-03-03T00:00:00Z", exitStrategy = "assignment", assignmentFee = 15000, endBuyer = "Rehab Co", expectedClosingDate = "2026-03-20T00:00:00Z" });
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/offers/{offerId}/deal", Json(deal))).StatusCode);
        await client.PostAsync($"/api/offers/{offerId}/send", null);
        await client.PostAsync($"/api/offers/{offerId}/accept", null);

        var created = await client.PostAsync($"/api/offers/{offerId}/deal", Json(deal));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/offers/{offerId}/deal", Json(deal))).StatusCode);
        var dealId = (await ReadAsync(created)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PatchAsync($"/api/deals/{dealId}", Json("""{"status":"closed"}"""))).StatusCode);
        var closed = await client.PatchAsync($"/api/deals/{dealId}", Json("""{"status":"closed","actualClosingDate":"2026-03-19T00:00:00Z"}"""));

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(15_000m, (await ReadAsync(closed)).GetProperty("revenue").GetDecimal());
        var stored = await ReloadAsync(api, lead.Id);
        Assert.Equal((LeadStatus.Converted, LeadStage.Closed), (stored.Status, stored.Stage));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PatchAsync($"/api/deals/{dealId}", Json("""{"status":"cancelled"}"""))).StatusCode);

        var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/metrics");
        var closing = metrics.GetProperty("closing");
        Assert.Equal(1, closing.GetProperty("siteVisits").GetInt32());
        Assert.Equal(1, closing.GetProperty("offersExtended").GetInt32()); // the draft was never sent
        Assert.Equal(1, closing.GetProperty("dealsClosed").GetInt32());
        Assert.Equal(15_000m, closing.GetProperty("totalRevenue").GetDecimal());
        Assert.Equal(Math.Round(1 / 3.0, 4), closing.GetProperty("conversionRate").GetDouble());
        Assert.Equal(15_000m, metrics.GetProperty("revenue").GetDecimal()); // the dashboard's deal_closed event
        var deals = await client.GetFromJsonAsync<JsonElement>($"/api/deals?campaignId={campaign.Id}&status=closed");
        Assert.Equal([dealId], deals.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_pipeline_lists_leads_by_stage_and_stage_moves_follow_the_lifecycle()
    {
        var campaign = await CampaignAsync(api);
        var client = Client(api, await CloserAsync(api));
        var lead = await LeadAsync(api, null, campaign.Id);

        var board = await client.GetFromJsonAsync<JsonElement>($"/api/pipeline?campaignId={campaign.Id}");
        var backwards = await client.PostAsync($"/api/leads/{lead.Id}/stage", Json("""{"stage":"contacted"}"""));
        var forward = await client.PostAsync($"/api/leads/{lead.Id}/stage", Json("""{"stage":"site_visit"}"""));

        var stages = board.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["new", "contacted", "qualified", "site_visit", "offer_made", "negotiation", "closed", "lost"], stages.Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal([lead.Id.ToString()], stages[2].GetProperty("leads").EnumerateArray().Select(l => l.GetProperty("leadId").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forward.StatusCode);
        Assert.Equal(LeadStage.SiteVisit, (await ReloadAsync(api, lead.Id)).Stage);
    }

    [Fact]
    public async Task My_pipeline_holds_only_the_leads_I_claimed()
    {
        var closer = await CloserAsync(api);
        var mine = await LeadAsync(api);
        await LeadAsync(api);
        await api.Database.GetCollection<BsonDocument>(CollectionNames.Leads).UpdateOneAsync(new BsonDocument("_id", mine.Id),
            new BsonDocument("$set", new BsonDocument("routing", new BsonDocument { { "state", "claimed" }, { "claimedBy", ObjectId.Parse(closer) } })));

        var board = await Client(api, closer).GetFromJsonAsync<JsonElement>("/api/pipeline?mine=true");

        var leads = board.GetProperty("stages").EnumerateArray().SelectMany(s => s.GetProperty("leads").EnumerateArray()).ToList();
        Assert.Equal([mine.Id.ToString()], leads.Select(l => l.GetProperty("leadId").GetString()));
        Assert.Equal(closer, leads[0].GetProperty("claimedBy").GetString());
    }
}
