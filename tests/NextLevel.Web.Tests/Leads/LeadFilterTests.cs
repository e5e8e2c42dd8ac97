using NextLevel.Web.ApiClient.Models;

namespace NextLevel.Web.Tests.Leads;

public sealed class LeadFilterTests
{
    [Fact]
    public void A_filter_survives_the_round_trip_through_the_page_URL()
    {
        var filter = new LeadFilter
        {
            Status = "qualified", Stage = "site_visit", Source = "google_ads", CampaignId = "c1", Qualified = true, MinScore = 0.25, MaxScore = 0.9,
            ReceivedFrom = new DateTime(2026, 1, 5), ReceivedTo = new DateTime(2026, 1, 31), Tag = "probate", Q = "o'brien & sons", Sort = "score",
        };

        Assert.Equal(filter, LeadFilter.FromPageQuery(filter.ToPageQuery()));
    }

    [Fact]
    public void Received_days_become_the_user_zone_day_boundaries_for_the_Api()
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var filter = new LeadFilter { ReceivedFrom = new DateTime(2026, 3, 2), ReceivedTo = new DateTime(2026, 3, 2) };

        var query = filter.ToQuery(chicago).ToString();

        Assert.Contains("receivedFrom=2026-03-02T06%3A00%3A00.0000000Z", query);
        Assert.Contains("receivedTo=2026-03-03T06%3A00%3A00.0000000Z", query);
    }

    [Fact]
    public void Garbage_in_the_URL_is_ignored_rather_than_sent()
    {
        var filter = LeadFilter.FromPageQuery("?minScore=abc&from=yesterday&qualified=maybe&status=");

        Assert.True(filter.IsEmpty);
    }
}
