using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Pages.Overview;
using NextLevel.Web.Tests.Infrastructure;

namespace NextLevel.Web.Tests.Overview;

public sealed class OverviewPageTests : WebTestContext
{
    [Fact]
    public void Shows_the_period_KPIs_formatted_with_their_trend_versus_the_previous_period()
    {
        // The period asked for (ending tonight) and the one before it, which the page asks for after the period's own figures.
        var tonight = new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero);
        Dashboard.Kpis = (from, to) => new KpiReport(
            to == tonight
                ? new KpiValues(from, to, 1200, new SpeedToLead(900, 95, 600), 0.42, 150, 30, 12, 4, 24000, 60000, 20, 6000, 1.5)
                : new KpiValues(from, to, 1000, new SpeedToLead(800, 120, 700), 0.40, 120, 25, 10, 2, 20000, 30000, 20, 10000, 0.5),
            null);

        var page = RenderPage<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("1,200", page.Find("[data-testid=kpi-leads]").TextContent));
        var leads = page.Find("[data-testid=kpi-leads]").TextContent;
        Assert.Contains("+20.0%", leads);
        var period = page.Find("[data-testid=kpis-period]").TextContent;
        Assert.Contains("1 min 35 s", period);
        Assert.Contains("42.0%", period);
        Assert.Contains("$6,000", period);
    }

    [Fact]
    public void Asks_for_today_and_the_last_30_days_ending_tonight_then_the_30_days_before_for_the_trend()
    {
        var page = RenderPage<OverviewPage>();

        page.WaitForAssertion(() => Assert.Equal(3, Dashboard.KpiCalls.Count));
        var today = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        Assert.Contains((today, today.AddDays(1)), Dashboard.KpiCalls);
        Assert.Contains((today.AddDays(-29), today.AddDays(1)), Dashboard.KpiCalls);
        Assert.Equal((today.AddDays(-59), today.AddDays(-29)), Dashboard.KpiCalls[2]);
    }

    [Fact]
    public void Without_a_previous_figure_the_trend_says_there_is_nothing_to_compare()
    {
        var page = RenderPage<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("No previous figure to compare", page.Find("[data-testid=kpi-leads]").TextContent));
    }

    [Fact]
    public void The_live_feed_lists_new_leads_and_call_outcomes_with_links()
    {
        Authorization.SetClaims(
            new System.Security.Claims.Claim(NextLevel.Web.Auth.StaffSession.AccessTokenClaim, "t"),
            new System.Security.Claims.Claim(NextLevel.Web.Auth.StaffSession.ExpiresAtClaim, Clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        LiveFeed.Events.Add(new NextLevel.Web.LiveFeed.LiveFeedEvent("lead", "lead0001", Clock.GetUtcNow(), "New lead from Zillow", "Seattle, WA", "/leads/lead0001"));
        LiveFeed.Events.Add(new NextLevel.Web.LiveFeed.LiveFeedEvent("call", "call1", Clock.GetUtcNow().AddMinutes(-1), "Call qualified", "420 s", "/calls/call1"));

        var page = RenderPage<OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("New lead from Zillow", page.Find("[data-testid=live-feed]").TextContent));
        Assert.Contains("Call qualified", page.Find("[data-testid=live-feed]").TextContent);
        Assert.Contains("/leads/lead0001", page.Find("[data-testid=live-feed]").InnerHtml);
    }
}
