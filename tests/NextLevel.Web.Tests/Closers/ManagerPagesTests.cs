using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Layout;
using NextLevel.Web.Components.Pages.Closers;
using NextLevel.Web.Components.Shared;
using NextLevel.Web.Tests.Infrastructure;
using static NextLevel.Web.Tests.Closers.ClosersBuilders;

namespace NextLevel.Web.Tests.Closers;

public sealed class ManagerPagesTests : WebTestContext
{
    private void AddCampaign() =>
        Campaigns.Campaigns.Add(new Campaign { Id = "c1", Name = "Spring sellers", Status = "active" });

    [Fact]
    public async Task A_manager_changes_a_campaigns_routing_rules()
    {
        AddCampaign();
        Routing.CampaignRules["c1"] = new CampaignRouting("c1", "round_robin", 300, 3,
            [new RoutingCloser("u-casey", "Casey Closer", 1, 20, 3, "America/Chicago", new CloserShift(["mon", "tue"], "09:00", "17:00"), true)]);
        var page = RenderPage<RoutingRulesPage>();
        page.WaitForAssertion(() => Assert.Contains("Casey Closer", page.Find("[data-testid=routing-closers]").TextContent));
        Assert.Contains("3 of 20", page.Find("[data-testid=routing-closers]").TextContent);

        await Field(page, "routing-window").ChangeAsync(new() { Value = "120" });
        page.Find("[data-testid=routing-save]").Click();

        page.WaitForAssertion(() => Assert.Equal(("c1", 120, 3), (Routing.RuleUpdates.Single().CampaignId, Routing.RuleUpdates.Single().Rules.ClaimWindowSeconds, Routing.RuleUpdates.Single().Rules.MaxOffers)));
    }

    [Fact]
    public void Refused_rules_show_the_Apis_field_message()
    {
        AddCampaign();
        Routing.CampaignRules["c1"] = new CampaignRouting("c1", "round_robin", 300, 3, []);
        Routing.Refusal = new NextLevel.Web.ApiClient.ApiProblemException(400, "One or more validation errors occurred.",
            new Dictionary<string, string[]> { ["claimWindowSeconds"] = ["The claim window must be between 30 seconds and a day."] });
        var page = RenderPage<RoutingRulesPage>();

        page.WaitForElement("[data-testid=routing-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("between 30 seconds and a day", page.Find("[data-testid=routing-save-error]").TextContent));
    }

    [Fact]
    public void The_pool_lists_unclaimed_leads_with_why_they_are_there()
    {
        Routing.Pool.Add(new PoolLead("lead0003", "Pat Owner", "c1", "Spring sellers", 0.9, Now.AddMinutes(-20), "3 closers did not claim in 5 min"));

        var page = RenderPage<PoolPage>();

        page.WaitForAssertion(() => Assert.Contains("3 closers did not claim", page.Find("[data-testid=pool-table]").TextContent));
        page.Find("[data-testid=pool-claim]").Click();
        page.WaitForAssertion(() => Assert.Equal(["lead0003"], Routing.Claims));
    }

    [Fact]
    public void Closer_metrics_show_median_and_p90_speeds_open_and_overdue_tasks_and_conversion()
    {
        Routing.Metrics = new ClosersMetricsReport(
            [new CloserMetrics("u-casey", "Casey Closer", new SpeedFigure(95, 240, 12), new SpeedFigure(300, 900, 10), 7, 2)],
            [new SourceSpeed("zillow", new SpeedFigure(60, 120, 5), null)],
            new OfferToDeal(8, 2, 0.25));

        var panel = RenderPage<CloserMetricsPanel>(p => p.Add(c => c.Period, new Period(Now.AddDays(-30), Now)));

        panel.WaitForAssertion(() => Assert.Contains("Casey Closer", panel.Find("[data-testid=closer-metrics-table]").TextContent));
        var row = panel.Find("[data-testid=closer-metrics-table] tbody tr").TextContent;
        Assert.Contains("1 min 35 s", row);
        Assert.Contains("4 min 0 s", row);
        Assert.Contains("15 min 0 s", row);
        Assert.Contains("25.0%", panel.Find("[data-testid=offer-to-deal]").TextContent);
        Assert.Contains("Zillow", panel.Find("[data-testid=closer-metrics-sources]").TextContent);
        Assert.Equal((Now.AddDays(-30), Now), Routing.MetricsCalls.Single());
    }

    [Fact]
    public void The_overview_shows_the_closers_metrics_for_its_period()
    {
        Routing.Metrics = new ClosersMetricsReport([new CloserMetrics("u-casey", "Casey Closer", new SpeedFigure(95, 240, 12), null, 7, 2)], [], null);

        var page = RenderPage<NextLevel.Web.Components.Pages.Overview.OverviewPage>();

        page.WaitForAssertion(() => Assert.Contains("Casey Closer", page.Find("[data-testid=closer-metrics]").TextContent));
        var today = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        Assert.Contains((today.AddDays(-29), today.AddDays(1)), Routing.MetricsCalls);
    }

    [Theory]
    [InlineData("closer", true, true, false)]
    [InlineData("campaign_manager", false, true, true)]
    [InlineData("admin", false, true, true)]
    [InlineData("ops", false, false, false)]
    public void Navigation_lists_the_closing_pages_by_role(string role, bool myDay, bool pipeline, bool routing)
    {
        Authorization.SetRoles(role);

        var menu = Render<NavMenu>();

        Assert.Equal(myDay, menu.Markup.Contains("/my-day", StringComparison.Ordinal));
        Assert.Equal(pipeline, menu.Markup.Contains("/pipeline", StringComparison.Ordinal));
        Assert.Equal(routing, menu.Markup.Contains("/closers/routing", StringComparison.Ordinal));
    }
}
