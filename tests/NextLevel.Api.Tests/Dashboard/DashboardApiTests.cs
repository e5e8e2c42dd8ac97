using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MongoDB.Bson;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Api.Tests.Leads;
using NextLevel.Domain.Analytics;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Dashboard;

/// <summary>The fixture's database holds only this class's data, so totals are exact.</summary>
public class DashboardApiTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private static readonly DateTime Now = ApiFixture.DefaultNow.UtcDateTime;
    private static readonly ObjectId CampaignId = ObjectId.Parse("65f0000000000000000000c1");
    private static bool _seeded;
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task InitializeAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_seeded) return;
            // Current period (last 30 days): 4 leads, contacted after 60 s, 120 s and 600 s; previous period: 2 leads, one after 30 s.
            await TestLeads.SaveAllAsync(api.Database,
            [
                TestLeads.At(Now.AddDays(-1)).Campaign(CampaignId).Score(0.9, true).In(LeadStatus.Converted, LeadStage.Closed).ContactedAfter(TimeSpan.FromSeconds(60)).Build(),
                TestLeads.At(Now.AddDays(-2)).Campaign(CampaignId).Score(0.8, true).In(LeadStatus.Qualified, LeadStage.OfferMade).ContactedAfter(TimeSpan.FromSeconds(120)).Build(),
                TestLeads.At(Now.AddDays(-3)).From(LeadSource.GoogleAds).Score(0.3).In(LeadStatus.Contacted, LeadStage.Contacted).ContactedAfter(TimeSpan.FromSeconds(600)).Build(),
                TestLeads.At(Now.AddDays(-4)).Score(0.1).Build(),
                TestLeads.At(Now.AddDays(-40)).Score(0.5).ContactedAfter(TimeSpan.FromSeconds(30)).In(LeadStatus.Contacted, LeadStage.Contacted).Build(),
                TestLeads.At(Now.AddDays(-45)).Score(0.5).Build(),
            ]);
            Call MakeCall(DateTime at, CallOutcome outcome, decimal cost) => new()
            {
                Id = ObjectId.GenerateNewId(), CallSid = "CA" + Guid.NewGuid().ToString("N"), LeadId = ObjectId.GenerateNewId(), ContactPhone = "+12065550100",
                CampaignId = CampaignId, InitiatedAt = at, Status = CallStatus.Completed, Outcome = outcome, Duration = 60, Cost = new CallCost { TotalCost = cost },
                CreatedAt = at, UpdatedAt = at,
            };
            await api.Database.GetCollection<Call>(CollectionNames.Calls).InsertManyAsync(
            [
                MakeCall(Now.AddDays(-1), CallOutcome.Qualified, 20m), MakeCall(Now.AddDays(-2), CallOutcome.Qualified, 20m),
                MakeCall(Now.AddDays(-2), CallOutcome.NotInterested, 40m), MakeCall(Now.AddDays(-40), CallOutcome.NotInterested, 10m),
            ]);
            await api.Database.GetCollection<AnalyticsEvent>(CollectionNames.AnalyticsEvents).InsertOneAsync(new AnalyticsEvent
            {
                Id = ObjectId.GenerateNewId(), Type = "deal_closed", OccurredAt = Now.AddDays(-1), CampaignId = CampaignId, Value = 8_000m, ExpiresAt = Now.AddDays(400),
            });
            _seeded = true;
        }
        finally { Gate.Release(); }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Kpis_cover_the_period_and_the_one_before()
    {
        var kpis = await api.CreateStaffClient("closer").GetFromJsonAsync<JsonElement>("/api/dashboard/kpis");

        var current = kpis.GetProperty("current");
        Assert.Equal(4, current.GetProperty("leadsReceived").GetInt32());
        Assert.Equal(3, current.GetProperty("speedToLead").GetProperty("contacted").GetInt32());
        Assert.Equal(120.0, current.GetProperty("speedToLead").GetProperty("medianSeconds").GetDouble());
        Assert.Equal(600.0, current.GetProperty("speedToLead").GetProperty("p90Seconds").GetDouble());
        Assert.Equal(0.75, current.GetProperty("contactRate").GetDouble());
        Assert.Equal(2, current.GetProperty("qualified").GetInt32());
        Assert.Equal(2, current.GetProperty("siteVisits").GetInt32());
        Assert.Equal(2, current.GetProperty("offers").GetInt32());
        Assert.Equal(1, current.GetProperty("deals").GetInt32());
        Assert.Equal(80m, current.GetProperty("cost").GetDecimal());
        Assert.Equal(20m, current.GetProperty("costPerLead").GetDecimal());
        Assert.Equal(80m, current.GetProperty("costPerDeal").GetDecimal());
        Assert.Equal(99.0, current.GetProperty("roi").GetDouble());

        var previous = kpis.GetProperty("previous");
        Assert.Equal(2, previous.GetProperty("leadsReceived").GetInt32());
        Assert.Equal(30.0, previous.GetProperty("speedToLead").GetProperty("medianSeconds").GetDouble());
        Assert.Equal(10m, previous.GetProperty("cost").GetDecimal());
        Assert.Equal(JsonValueKind.Null, previous.GetProperty("costPerDeal").ValueKind);
    }

    [Fact]
    public async Task Kpis_without_compare_count_the_period_alone()
    {
        var kpis = await api.CreateStaffClient("closer").GetFromJsonAsync<JsonElement>("/api/dashboard/kpis?compare=false");

        Assert.Equal(4, kpis.GetProperty("current").GetProperty("leadsReceived").GetInt32());
        Assert.Equal(JsonValueKind.Null, kpis.GetProperty("previous").ValueKind);
    }

    [Fact]
    public async Task The_funnel_groups_leads_by_status_and_narrows_by_campaign_and_source()
    {
        var client = api.CreateStaffClient("ops");

        var all = await client.GetFromJsonAsync<JsonElement>("/api/dashboard/funnel");
        var campaign = await client.GetFromJsonAsync<JsonElement>($"/api/dashboard/funnel?campaignId={CampaignId}");
        var google = await client.GetFromJsonAsync<JsonElement>("/api/dashboard/funnel?source=google_ads");

        Assert.Equal(4, all.GetProperty("steps").EnumerateArray().Sum(s => s.GetProperty("count").GetInt32()));
        Assert.Equal(["qualified", "converted"], campaign.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(["contacted"], google.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Campaign_performance_groups_calls_by_outcome()
    {
        var performance = await api.CreateStaffClient("campaign_manager").GetFromJsonAsync<JsonElement>($"/api/dashboard/campaign-performance?campaignId={CampaignId}");

        var rows = performance.GetProperty("outcomes").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("qualified", 2, 40m), (rows[0].GetProperty("outcome").GetString(), rows[0].GetProperty("count").GetInt32(), rows[0].GetProperty("totalCost").GetDecimal()));
        Assert.Equal(("not_interested", 1), (rows[1].GetProperty("outcome").GetString(), rows[1].GetProperty("count").GetInt32()));
    }

    [Theory]
    [InlineData("/api/dashboard/kpis?from=yesterday", "from")]
    [InlineData("/api/dashboard/kpis?from=2026-03-01&to=2026-02-01", "from")]
    [InlineData("/api/dashboard/kpis?from=0001-01-01", "from")]
    [InlineData("/api/dashboard/funnel?source=%7B%22%24ne%22%3A1%7D", "source")]
    [InlineData("/api/dashboard/funnel?campaignId=abc", "campaignId")]
    [InlineData("/api/dashboard/campaign-performance", "campaignId")]
    [InlineData("/api/dashboard/campaign-performance?campaignId=65f0000000000000000000c1&to=soon", "to")]
    public async Task Bad_parameters_are_400_with_the_field_named(string url, string field)
    {
        var response = await api.CreateStaffClient("closer").GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_dashboard_needs_a_staff_sign_in()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/dashboard/kpis")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateStaffClient("visitor").GetAsync("/api/dashboard/funnel")).StatusCode);
    }
}
