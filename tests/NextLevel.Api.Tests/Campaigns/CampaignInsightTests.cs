using System.Net.Http.Json;
using System.Text.Json;
using MongoDB.Bson;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Api.Tests.Leads;
using NextLevel.Domain.Analytics;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Campaigns;

public class CampaignInsightTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly DateTime T0 = ApiFixture.DefaultNow.UtcDateTime.AddDays(-5);

    private async Task<Campaign> SaveCampaignAsync(CampaignTargeting targeting)
    {
        var campaign = new Campaign { Id = ObjectId.GenerateNewId(), Name = "Insight", Type = CampaignType.Wholesale, Status = CampaignStatus.Active, Targeting = targeting, CreatedAt = T0 };
        await api.Database.GetCollection<Campaign>(CollectionNames.Campaigns).InsertOneAsync(campaign);
        return campaign;
    }

    [Fact]
    public async Task Targeting_preview_counts_the_open_leads_that_match_now()
    {
        var zip = Random.Shared.Next(10000, 99999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var campaign = await SaveCampaignAsync(new CampaignTargeting
        {
            LeadSources = [LeadSource.Zillow],
            Qualification = new TargetQualification { MinScore = 0.6 },
            Geography = new TargetGeography { ZipCodes = [zip] },
        });
        Lead Lead(Action<TestLeads> configure) { var b = TestLeads.At(T0).Score(0.8); configure(b); var l = b.Build(); l.Contact.Address!.ZipCode = zip; return l; }
        await TestLeads.SaveAllAsync(api.Database,
        [
            Lead(_ => { }),
            Lead(b => b.In(LeadStatus.Contacted, LeadStage.Contacted)),
            Lead(b => b.Score(0.5)),                                   // below the minimum score
            Lead(b => b.From(LeadSource.GoogleAds)),                   // other source
            Lead(b => b.In(LeadStatus.Lost, LeadStage.Lost)),          // closed
            Lead(b => b.In(LeadStatus.Dnc, LeadStage.Contacted)),      // do not call
        ]);

        var preview = await api.CreateStaffClient("closer").GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/targeting-preview");

        Assert.Equal(2, preview.GetProperty("matchingLeads").GetInt64());
    }

    [Fact]
    public async Task Metrics_are_computed_from_the_campaigns_leads_calls_and_deals()
    {
        var campaign = await SaveCampaignAsync(new CampaignTargeting());
        await TestLeads.SaveAllAsync(api.Database,
        [
            TestLeads.At(T0).Campaign(campaign.Id).Score(0.9, qualified: true).In(LeadStatus.Converted, LeadStage.Closed).ContactedAfter(TimeSpan.FromMinutes(2)).Build(),
            TestLeads.At(T0).Campaign(campaign.Id).Score(0.7, qualified: true).In(LeadStatus.Qualified, LeadStage.SiteVisit).ContactedAfter(TimeSpan.FromMinutes(3)).Build(),
            TestLeads.At(T0).Campaign(campaign.Id).Score(0.2).Build(),
            TestLeads.At(T0).Campaign(campaign.Id).Score(0.4).Build(),
            TestLeads.At(T0).Score(0.9).Build(),
        ]);
        var calls = api.Database.GetCollection<Call>(CollectionNames.Calls);
        Call MakeCall(decimal cost, int duration) => new()
        {
            Id = ObjectId.GenerateNewId(), CallSid = "CA" + Guid.NewGuid().ToString("N"), LeadId = ObjectId.GenerateNewId(), ContactPhone = "+12065550100",
            CampaignId = campaign.Id, InitiatedAt = T0.AddMinutes(5), AnsweredAt = T0.AddMinutes(5), Status = CallStatus.Completed, Duration = duration,
            Cost = new CallCost { TotalCost = cost }, CreatedAt = T0, UpdatedAt = T0,
        };
        await calls.InsertManyAsync([MakeCall(30m, 100), MakeCall(10m, 200)]);
        await api.Database.GetCollection<AnalyticsEvent>(CollectionNames.AnalyticsEvents).InsertOneAsync(new AnalyticsEvent
        {
            Id = ObjectId.GenerateNewId(), Type = "deal_closed", OccurredAt = T0.AddDays(1), CampaignId = campaign.Id, Value = 12_000m, ExpiresAt = T0.AddDays(400),
        });

        var metrics = await api.CreateStaffClient("campaign_manager").GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign.Id}/metrics");

        var leads = metrics.GetProperty("leads");
        Assert.Equal((4, 2, 2, 2, 1, 1), (leads.GetProperty("received").GetInt32(), leads.GetProperty("contacted").GetInt32(), leads.GetProperty("qualified").GetInt32(),
            leads.GetProperty("siteVisits").GetInt32(), leads.GetProperty("offers").GetInt32(), leads.GetProperty("deals").GetInt32()));
        Assert.Equal(2, metrics.GetProperty("calls").GetProperty("calls").GetInt32());
        Assert.Equal(150.0, metrics.GetProperty("calls").GetProperty("avgDuration").GetDouble());
        Assert.Equal(40m, metrics.GetProperty("totalCost").GetDecimal());
        Assert.Equal(12_000m, metrics.GetProperty("revenue").GetDecimal());
        Assert.Equal(10m, metrics.GetProperty("costPerLead").GetDecimal());
        Assert.Equal(40m, metrics.GetProperty("costPerDeal").GetDecimal());
        Assert.Equal(0.5, metrics.GetProperty("contactRate").GetDouble());
        Assert.Equal(299.0, metrics.GetProperty("roi").GetDouble());
    }
}
