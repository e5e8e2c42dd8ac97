using MongoDB.Bson;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Properties;

namespace NextLevel.Domain.Tests.Intake;

public class CampaignMatcherTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc);

    private static readonly CampaignMatchInput SeattleSeller = new(LeadSource.GoogleAds, IntentType.Seller, "WA", "Seattle", "98101", PropertyType.SingleFamily, 400_000m, 0.6);

    private static Campaign Campaign(string name, Action<CampaignTargeting>? target = null, CampaignStatus status = CampaignStatus.Active, int ageDays = 10)
    {
        var campaign = new Campaign { Id = ObjectId.GenerateNewId(), Name = name, Status = status, CreatedAt = Now.AddDays(-ageDays) };
        campaign.Schedule.StartDate = Now.AddDays(-ageDays);
        target?.Invoke(campaign.Targeting);
        return campaign;
    }

    [Fact]
    public void No_campaign_leaves_the_lead_unassigned() => Assert.Null(CampaignMatcher.BestMatch([], SeattleSeller, Now));

    [Fact]
    public void Only_active_campaigns_within_their_dates_match()
    {
        var paused = Campaign("paused", status: CampaignStatus.Paused);
        var ended = Campaign("ended");
        ended.Schedule.EndDate = Now.AddDays(-1);
        var future = Campaign("future");
        future.Schedule.StartDate = Now.AddDays(1);

        Assert.Null(CampaignMatcher.BestMatch([paused, ended, future], SeattleSeller, Now));
    }

    [Fact]
    public void Each_targeting_criterion_must_hold()
    {
        Assert.False(CampaignMatcher.Matches(Campaign("zillow", t => t.LeadSources.Add(LeadSource.Zillow)), SeattleSeller, Now));
        Assert.False(CampaignMatcher.Matches(Campaign("buyers", t => t.Intent.Add(IntentType.Buyer)), SeattleSeller, Now));
        Assert.False(CampaignMatcher.Matches(Campaign("texas", t => t.Geography.States.Add("TX")), SeattleSeller, Now));
        Assert.False(CampaignMatcher.Matches(Campaign("condos", t => t.Qualification.PropertyTypes.Add(PropertyType.Condo)), SeattleSeller, Now));
        Assert.False(CampaignMatcher.Matches(Campaign("cheap", t => t.Qualification.MaxPrice = 300_000m), SeattleSeller, Now));
        Assert.False(CampaignMatcher.Matches(Campaign("hot", t => t.Qualification.MinScore = 0.8), SeattleSeller, Now));
        Assert.True(CampaignMatcher.Matches(Campaign("wa", t => { t.Geography.States.Add("wa"); t.Geography.Cities.Add("seattle"); t.Geography.ZipCodes.Add("98101"); }), SeattleSeller, Now));
    }

    [Fact]
    public void The_most_specific_match_wins_and_ties_go_to_the_oldest()
    {
        var state = Campaign("state", t => t.Geography.States.Add("WA"), ageDays: 30);
        var zip = Campaign("zip", t => t.Geography.ZipCodes.Add("98101"), ageDays: 1);
        var everything = Campaign("everything", ageDays: 100);
        Assert.Equal("zip", CampaignMatcher.BestMatch([everything, state, zip], SeattleSeller, Now)!.Name);

        var older = Campaign("older", t => t.Geography.States.Add("WA"), ageDays: 40);
        Assert.Equal("older", CampaignMatcher.BestMatch([state, older], SeattleSeller, Now)!.Name);
    }

    [Fact]
    public void Unknown_property_type_and_price_do_not_exclude()
    {
        var lead = SeattleSeller with { PropertyType = null, Price = null };
        Assert.True(CampaignMatcher.Matches(Campaign("sfr", t => { t.Qualification.PropertyTypes.Add(PropertyType.SingleFamily); t.Qualification.MaxPrice = 1m; }), lead, Now));
    }
}
