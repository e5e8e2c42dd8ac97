using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Closers.Routing;
using NextLevel.Domain.Integrations;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Closers;

/// <summary>The routing endpoints and triggers through HTTP, the real driver and the embedded engine.</summary>
public sealed class RoutingApiTests(CallsFixture api) : IClassFixture<CallsFixture>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_qualified_ai_call_offers_the_lead_to_an_on_shift_closer_with_the_reason()
    {
        var dana = await api.AddStaffAsync("Dana", "closer", RoutingApiData.AllDay());
        var campaign = await api.AddTeamCampaignAsync([dana]);
        var (lead, call) = await api.AddLeadWithCallAsync(campaign);

        var posted = await api.CreateClient().SendAsync(api.PostCall(PostCallPayloads.Transcription("conv_" + call.Id, call.CallSid, "qualified", "agent_" + call.Id)));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        var routing = await JsonAsync(await api.CreateStaffClient("ops").GetAsync($"/api/leads/{lead.Id}/routing"));
        Assert.Equal("offered", routing.GetProperty("state").GetString());
        Assert.Equal(dana.ToString(), routing.GetProperty("offeredTo").GetString());
        Assert.Equal("Dana", routing.GetProperty("offeredToName").GetString());
        var history = routing.GetProperty("history");
        Assert.Equal("requested", history[0].GetProperty("action").GetString());
        Assert.Equal("the AI call qualified the lead", history[0].GetProperty("reason").GetString());
        Assert.Equal("offered to Dana: next in rotation, on shift, 0 of 20 open; claim within 5 min", history[1].GetProperty("reason").GetString());
        Assert.Equal("Dana", history[1].GetProperty("userName").GetString());
    }

    [Fact]
    public async Task A_not_interested_call_does_not_ask_for_a_person()
    {
        var dana = await api.AddStaffAsync("Dana", "closer", RoutingApiData.AllDay());
        var campaign = await api.AddTeamCampaignAsync([dana]);
        var (lead, call) = await api.AddLeadWithCallAsync(campaign);
        await api.CreateClient().SendAsync(api.PostCall(PostCallPayloads.Transcription("conv_" + call.Id, call.CallSid, "not_interested", "agent_" + call.Id)));
        Assert.Null((await api.LeadAsync(lead.Id)).Routing);
    }

    [Fact]
    public async Task An_sms_reply_that_is_not_an_opt_out_offers_the_lead_to_a_closer()
    {
        var dana = await api.AddStaffAsync("Dana", "closer", RoutingApiData.AllDay());
        var lead = await api.AddLeadAsync(await api.AddTeamCampaignAsync([dana]));
        var form = new List<KeyValuePair<string, string>> { new("From", lead.Contact.Phone!), new("Body", "Yes, please call me"), new("MessageSid", "SM" + Guid.NewGuid().ToString("N")) };
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/twilio/sms") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(CallsFixture.TwilioAuthToken, CallsFixture.PublicBaseUrl + "/webhooks/twilio/sms", form));

        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().SendAsync(request)).StatusCode);

        var routing = (await api.LeadAsync(lead.Id)).Routing!;
        Assert.Equal(LeadRoutingState.Offered, routing.State);
        Assert.Equal("the lead replied by SMS", routing.History[0].Reason);
    }

    [Fact]
    public async Task Two_closers_claiming_a_pooled_lead_at_once_one_gets_it()
    {
        var ann = await api.AddStaffAsync("Ann", "closer", RoutingApiData.AllDay(cap: 0));
        var bob = await api.AddStaffAsync("Bob", "closer", RoutingApiData.AllDay(cap: 0));
        var lead = await api.AddLeadAsync(await api.AddTeamCampaignAsync([ann, bob]));
        var requested = await api.CreateStaffClient("ops").PostAsync($"/api/leads/{lead.Id}/routing/request", Json("""{"reason":"seller wants a person"}"""));
        Assert.Equal("pool", (await JsonAsync(requested)).GetProperty("state").GetString());

        var responses = await Task.WhenAll(
            api.CreateStaffClient("closer", ann.ToString()).PostAsync($"/api/leads/{lead.Id}/claim", null),
            api.CreateStaffClient("closer", bob.ToString()).PostAsync($"/api/leads/{lead.Id}/claim", null));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("The lead is already claimed.", (await JsonAsync(loser)).GetProperty("detail").GetString());
        var routing = (await api.LeadAsync(lead.Id)).Routing!;
        Assert.Equal(LeadRoutingState.Claimed, routing.State);
        Assert.Single(routing.History, h => h.Action == RoutingAction.Claimed);
    }

    [Fact]
    public async Task An_offer_shows_in_my_offers_and_only_the_offered_closer_or_a_manager_may_claim_it()
    {
        var dana = await api.AddStaffAsync("Dana", "closer", RoutingApiData.AllDay());
        var outsider = await api.AddStaffAsync("Olly", "closer", RoutingApiData.AllDay());
        var lead = await api.AddLeadAsync(await api.AddTeamCampaignAsync([dana]));
        await api.CreateStaffClient("admin").PostAsync($"/api/leads/{lead.Id}/routing/request", Json("""{"reason":"call back today"}"""));

        var offers = await JsonAsync(await api.CreateStaffClient("closer", dana.ToString()).GetAsync("/api/me/offers"));
        var offer = Assert.Single(offers.EnumerateArray());
        Assert.Equal(lead.Id.ToString(), offer.GetProperty("leadId").GetString());
        Assert.Equal("Jane Doe", offer.GetProperty("name").GetString());
        Assert.StartsWith("offered to Dana", offer.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty((await JsonAsync(await api.CreateStaffClient("closer", outsider.ToString()).GetAsync("/api/me/offers"))).EnumerateArray());

        var stolen = await api.CreateStaffClient("closer", outsider.ToString()).PostAsync($"/api/leads/{lead.Id}/claim", null);
        Assert.Equal(HttpStatusCode.Conflict, stolen.StatusCode);
        Assert.Equal("The lead is offered to someone else.", (await JsonAsync(stolen)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateStaffClient("ops", ObjectId.GenerateNewId().ToString()).PostAsync($"/api/leads/{lead.Id}/claim", null)).StatusCode);

        var claimed = await api.CreateStaffClient("closer", dana.ToString()).PostAsync($"/api/leads/{lead.Id}/claim", null);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        var body = await JsonAsync(claimed);
        Assert.Equal("claimed", body.GetProperty("state").GetString());
        Assert.Equal("Dana", body.GetProperty("claimedByName").GetString());
    }

    [Fact]
    public async Task Release_by_the_claimer_routes_the_lead_to_the_next_closer()
    {
        var ann = await api.AddStaffAsync("Ann", "closer", RoutingApiData.AllDay());
        var bob = await api.AddStaffAsync("Bob", "closer", RoutingApiData.AllDay());
        var lead = await api.AddLeadAsync(await api.AddTeamCampaignAsync([ann, bob]));
        var first = (await JsonAsync(await api.CreateStaffClient("admin").PostAsync($"/api/leads/{lead.Id}/routing/request", Json("""{"reason":"x"}""")))).GetProperty("offeredTo").GetString()!;
        var second = first == ann.ToString() ? bob.ToString() : ann.ToString();
        await api.CreateStaffClient("closer", first).PostAsync($"/api/leads/{lead.Id}/claim", null);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateStaffClient("closer", second).PostAsync($"/api/leads/{lead.Id}/release", null)).StatusCode);
        var released = await JsonAsync(await api.CreateStaffClient("closer", first).PostAsync($"/api/leads/{lead.Id}/release", null));

        Assert.Equal("offered", released.GetProperty("state").GetString());
        Assert.Equal(second, released.GetProperty("offeredTo").GetString());
    }

    [Fact]
    public async Task The_pool_lists_pooled_leads_of_a_campaign_with_the_reason()
    {
        var campaign = await api.AddTeamCampaignAsync([]);
        var lead = await api.AddLeadAsync(campaign);
        await api.CreateStaffClient("admin").PostAsync($"/api/leads/{lead.Id}/routing/request", Json("""{"reason":"x"}"""));

        var pool = await JsonAsync(await api.CreateStaffClient("closer", ObjectId.GenerateNewId().ToString()).GetAsync($"/api/routing/pool?campaignId={campaign.Id}"));

        var item = Assert.Single(pool.EnumerateArray());
        Assert.Equal(lead.Id.ToString(), item.GetProperty("leadId").GetString());
        Assert.Equal(campaign.Name, item.GetProperty("campaignName").GetString());
        Assert.Equal("to the campaign's pool: no closer on the campaign's team", item.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.CreateStaffClient("admin").GetAsync("/api/routing/pool?campaignId=nope")).StatusCode);
    }

    [Theory]
    [InlineData("""{"reason":""}""", "reason")]
    [InlineData("""{"reason":{"$gt":""}}""", "reason")]
    [InlineData("""[1]""", "body")]
    public async Task A_bad_request_body_is_a_field_error_and_writes_nothing(string body, string field)
    {
        var lead = await api.AddLeadAsync(await api.AddTeamCampaignAsync([]));
        var response = await api.CreateStaffClient("admin").PostAsync($"/api/leads/{lead.Id}/routing/request", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Null((await api.LeadAsync(lead.Id)).Routing);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateStaffClient("admin").PostAsync($"/api/leads/{ObjectId.GenerateNewId()}/routing/request", Json("""{"reason":"x"}"""))).StatusCode);
    }

    [Fact]
    public async Task Managers_change_campaign_routing_rules_with_field_level_validation()
    {
        var dana = await api.AddStaffAsync("Dana", "closer", RoutingApiData.AllDay());
        var campaign = await api.AddTeamCampaignAsync([dana]);
        var manager = api.CreateStaffClient("campaign_manager");
        var campaigns = api.Database.GetCollection<Campaign>(CollectionNames.Campaigns);

        var bad = await manager.PutAsync($"/api/campaigns/{campaign.Id}/routing", Json("""{"mode":"weighted","claimWindowSeconds":5,"maxOffers":0}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("claimWindowSeconds", out _));
        Assert.True(errors.TryGetProperty("maxOffers", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutAsync($"/api/campaigns/{campaign.Id}/routing", Json("""{"mode":{"$gt":""},"claimWindowSeconds":300,"maxOffers":3}"""))).StatusCode);
        Assert.Null((await campaigns.Find(c => c.Id == campaign.Id).FirstAsync()).Routing);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateStaffClient("closer").PutAsync($"/api/campaigns/{campaign.Id}/routing", Json("""{"mode":"weighted","claimWindowSeconds":120,"maxOffers":2}"""))).StatusCode);

        var ok = await manager.PutAsync($"/api/campaigns/{campaign.Id}/routing", Json("""{"mode":"weighted","claimWindowSeconds":120,"maxOffers":2}"""));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stored = (await campaigns.Find(c => c.Id == campaign.Id).FirstAsync()).Routing!;
        Assert.Equal((RoutingMode.Weighted, 120, 2), (stored.Mode, stored.ClaimWindowSeconds, stored.MaxOffers));

        var view = await JsonAsync(await api.CreateStaffClient("ops").GetAsync($"/api/campaigns/{campaign.Id}/routing"));
        Assert.Equal("weighted", view.GetProperty("mode").GetString());
        var closer = Assert.Single(view.GetProperty("closers").EnumerateArray());
        Assert.Equal("Dana", closer.GetProperty("displayName").GetString());
        Assert.True(closer.GetProperty("onShiftNow").GetBoolean());
        Assert.Equal(0, closer.GetProperty("openLeads").GetInt32());
    }

    [Fact]
    public async Task A_closer_sets_their_own_profile_but_not_someone_elses()
    {
        var mei = await api.AddStaffAsync("Mei", "closer");
        var other = await api.AddStaffAsync("Other", "closer");
        const string profile = """{"timeZone":"Asia/Manila","shift":{"days":["mon","tue"],"start":"22:00","end":"06:00"},"openLeadCap":12,"weight":3}""";

        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateStaffClient("closer", other.ToString()).PutAsync($"/api/staff/{mei}/closer-profile", Json(profile))).StatusCode);
        var bad = await api.CreateStaffClient("closer", mei.ToString()).PutAsync($"/api/staff/{mei}/closer-profile",
            Json("""{"timeZone":"Mars/Base","shift":{"days":["mon","someday"],"start":"25:00","end":"06:00"},"openLeadCap":0,"weight":500}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        foreach (var field in new[] { "timeZone", "shift.days", "shift.start", "openLeadCap", "weight" }) Assert.True(errors.TryGetProperty(field, out _), field);

        var ok = await api.CreateStaffClient("closer", mei.ToString()).PutAsync($"/api/staff/{mei}/closer-profile", Json(profile));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stored = await api.Database.GetCollection<CloserAccount>(CloserAccount.CollectionName).Find(a => a.Id == mei).FirstAsync();
        Assert.Equal(("Asia/Manila", "22:00", "06:00", 12, 3), (stored.Closer!.TimeZone, stored.Closer.Shift.Start, stored.Closer.Shift.End, stored.Closer.OpenLeadCap, stored.Closer.Weight));

        var roster = await JsonAsync(await api.CreateStaffClient("ops").GetAsync("/api/staff/closers"));
        var row = roster.EnumerateArray().Single(r => r.GetProperty("userId").GetString() == mei.ToString());
        Assert.Equal("Asia/Manila", row.GetProperty("timeZone").GetString());
        Assert.Equal(12, row.GetProperty("openLeadCap").GetInt32());
    }
}
