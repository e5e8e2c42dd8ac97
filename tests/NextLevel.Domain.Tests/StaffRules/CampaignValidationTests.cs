using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Reporting;

namespace NextLevel.Domain.Tests.StaffRules;

public class CampaignValidationTests
{
    private static Campaign Valid() => new()
    {
        Name = "Spring sellers",
        Type = CampaignType.Wholesale,
        ConversationStrategy = new ConversationStrategy { OpeningScript = "Hi, Sam from Next Level Real Estate. Say stop any time and we will remove you from our list." },
        Schedule = new CampaignSchedule { CallingHours = new CallingHours { Timezone = "America/New_York", Monday = new DailyWindow { Start = "09:00", End = "17:30" } } },
    };

    [Fact]
    public void A_complete_campaign_is_valid()
    {
        Assert.Empty(CampaignValidation.Validate(Valid()));
    }

    [Fact]
    public void The_configured_business_name_is_the_one_the_script_must_name()
    {
        Assert.Contains("conversationStrategy.openingScript", CampaignValidation.Validate(Valid(), "Acme Homes").Keys);
    }

    [Theory]
    [InlineData("09:00", "09:00", false)]
    [InlineData("17:00", "09:00", false)]
    [InlineData("08:00", "24:00", true)]
    [InlineData("8:00", "17:00", false)]
    [InlineData("08:60", "17:00", false)]
    public void Calling_windows_are_HH_mm_with_start_before_end(string start, string end, bool valid)
    {
        var campaign = Valid();
        campaign.Schedule.CallingHours.Tuesday = new DailyWindow { Start = start, End = end };

        Assert.Equal(valid, !CampaignValidation.Validate(campaign).Keys.Any(k => k.StartsWith("schedule.callingHours.tuesday", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("America/Chicago", true)]
    [InlineData("Etc/UTC", true)]
    [InlineData("Central Standard Time", false)]
    [InlineData("America/Springfield", false)]
    [InlineData("", false)]
    public void Time_zones_must_be_IANA_ids(string zone, bool valid)
    {
        Assert.Equal(valid, CampaignValidation.IsIanaTimeZone(zone));
    }

    [Fact]
    public void Speed_to_lead_takes_the_median_and_the_nearest_rank_p90()
    {
        var result = SpeedToLeadQuery.From([.. Enumerable.Range(1, 10).Select(i => (double)i * 10)]);

        Assert.Equal((10, 55.0, 90.0), (result.Contacted, result.MedianSeconds!.Value, result.P90Seconds!.Value));
        Assert.Equal(new SpeedToLead(0, null, null), SpeedToLeadQuery.From([]));
    }
}
