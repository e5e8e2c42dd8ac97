using System.Net;
using System.Text;
using System.Text.Json;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Closers;

/// <summary>GET /api/metrics/closers equals figures computed here from the stored leads.</summary>
public sealed class CloserMetricsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Speed_to_claim_and_to_first_contact_per_closer_and_source_match_the_stored_records()
    {
        var dana = await api.AddStaffAsync("Dana", "closer", RoutingApiData.AllDay());
        var campaign = await api.AddTeamCampaignAsync([dana]);
        var waits = new[] { 90, 30, 200 };
        var leads = new List<Lead>();
        foreach (var (wait, i) in waits.Select((w, i) => (w, i)))
        {
            var lead = await api.AddLeadAsync(campaign, i == 2 ? LeadSource.GoogleAds : LeadSource.Zillow);
            leads.Add(lead);
            await api.CreateStaffClient("admin").PostAsync($"/api/leads/{lead.Id}/routing/request", new StringContent("""{"reason":"x"}""", Encoding.UTF8, "application/json"));
            api.Clock.Advance(TimeSpan.FromSeconds(wait));
            Assert.Equal(HttpStatusCode.OK, (await api.CreateStaffClient("closer", dana.ToString()).PostAsync($"/api/leads/{lead.Id}/claim", null)).StatusCode);
            if (i != 1)
            {
                api.Clock.Advance(TimeSpan.FromSeconds(60));
                Assert.Equal(HttpStatusCode.OK, (await api.CreateStaffClient("closer", dana.ToString()).PostAsync($"/api/leads/{lead.Id}/routing/first-contact", null)).StatusCode);
            }
        }

        var response = await api.CreateStaffClient("ops").GetAsync("/api/metrics/closers");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var stored = await api.Database.GetCollection<Lead>(CollectionNames.Leads).Find(l => l.CampaignId == campaign.Id).ToListAsync();
        var toClaim = stored.Select(l => (l.Routing!.ClaimedAt!.Value - l.Routing.RequestedAt!.Value).TotalSeconds).Order().ToList();
        var toContact = stored.Where(l => l.Routing!.FirstHumanContactAt is not null).Select(l => (l.Routing!.FirstHumanContactAt!.Value - l.Routing.RequestedAt!.Value).TotalSeconds).Order().ToList();
        Assert.Equal([30.0, 90.0, 200.0], toClaim);

        var row = body.GetProperty("closers").EnumerateArray().Single(c => c.GetProperty("userId").GetString() == dana.ToString());
        Assert.Equal("Dana", row.GetProperty("displayName").GetString());
        Assert.Equal(toClaim[1], row.GetProperty("speedToClaim").GetProperty("medianSeconds").GetDouble());
        Assert.Equal(toClaim[1] + (toClaim[2] - toClaim[1]) * 0.8, row.GetProperty("speedToClaim").GetProperty("p90Seconds").GetDouble(), 3);
        Assert.Equal(3, row.GetProperty("speedToClaim").GetProperty("count").GetInt32());
        Assert.Equal((toContact[0] + toContact[1]) / 2, row.GetProperty("speedToFirstHumanContact").GetProperty("medianSeconds").GetDouble(), 3);
        Assert.Equal(2, row.GetProperty("speedToFirstHumanContact").GetProperty("count").GetInt32());
        Assert.Equal(0, row.GetProperty("openTasks").GetInt32());

        var google = body.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "google_ads");
        Assert.Equal(200, google.GetProperty("speedToClaim").GetProperty("medianSeconds").GetDouble());

        var bad = await api.CreateStaffClient("ops").GetAsync("/api/metrics/closers?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
