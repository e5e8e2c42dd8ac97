using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Pages.Campaigns;
using NextLevel.Web.Tests.Infrastructure;

namespace NextLevel.Web.Tests.Campaigns;

public sealed class CampaignEditPageTests : WebTestContext
{
    public CampaignEditPageTests()
    {
        var campaign = CampaignEditPage.NewCampaign(DateTimeOffset.UtcNow);
        campaign.Id = "c1";
        campaign.Name = "Motivated sellers";
        campaign.Status = "active";
        Campaigns.Campaigns.Add(campaign);
    }

    [Fact]
    public async Task A_manager_edits_the_name_and_saves_it()
    {
        Authorization.SetRoles("campaign_manager");
        var page = RenderPage<CampaignEditPage>(p => p.Add(x => x.Id, "c1"));
        page.WaitForAssertion(() => Assert.Equal("Motivated sellers", page.Find("#campaign-title").TextContent));

        await Field(page, "campaign-name").ChangeAsync(new() { Value = "Motivated sellers Q2" });
        await page.Find("[data-testid=save-campaign]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Motivated sellers Q2", Assert.Single(Campaigns.Saved).Name));
    }

    [Fact]
    public async Task Pausing_an_active_campaign_calls_the_Api_and_shows_it_paused()
    {
        var page = RenderPage<CampaignEditPage>(p => p.Add(x => x.Id, "c1"));
        page.WaitForElement("[data-testid=pause]");

        await page.Find("[data-testid=pause]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Paused", page.Find("[data-testid=campaign-status]").TextContent.Trim()));
        Assert.Equal(("c1", "pause"), Assert.Single(Campaigns.Transitions));
    }

    [Fact]
    public void A_closer_sees_the_campaign_read_only_without_save_or_pause()
    {
        Authorization.SetRoles("closer");

        var page = RenderPage<CampaignEditPage>(p => p.Add(x => x.Id, "c1"));

        page.WaitForAssertion(() => Assert.Contains("you see it read-only", page.Markup));
        Assert.Empty(page.FindAll("[data-testid=save-campaign]"));
        Assert.Empty(page.FindAll("[data-testid=pause]"));
    }

    [Fact]
    public async Task The_targeting_preview_shows_how_many_leads_match()
    {
        Campaigns.PreviewCount = 1234;
        var page = RenderPage<CampaignEditPage>(p => p.Add(x => x.Id, "c1"));
        page.WaitForElement("[data-testid=preview-targeting]");

        await page.Find("[data-testid=preview-targeting]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("1,234 open leads match this targeting", page.Find("[data-testid=preview-count]").TextContent));
    }

    [Theory]
    [InlineData("Mars/Olympus", "not an IANA time zone")]
    [InlineData(null, "must end after it starts")]
    public void Cross_field_rules_explain_what_is_wrong(string? zone, string message)
    {
        var campaign = CampaignEditPage.NewCampaign(DateTimeOffset.UtcNow);
        if (zone is not null) campaign.Schedule.CallingHours.Timezone = zone;
        else campaign.Schedule.CallingHours.Monday = new DailyWindow { Start = "18:00", End = "09:00" };

        Assert.Contains(message, CampaignValidation.Check(campaign));
    }

    [Fact]
    public void A_new_campaign_passes_the_cross_field_rules() => Assert.Null(CampaignValidation.Check(CampaignEditPage.NewCampaign(DateTimeOffset.UtcNow)));
}
