using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Pages.Reports;
using NextLevel.Web.Tests.Infrastructure;

namespace NextLevel.Web.Tests.Reports;

public sealed class FunnelTests : WebTestContext
{
    [Fact]
    public void Steps_follow_the_funnel_order_with_conversion_from_the_step_before()
    {
        var rows = FunnelRow.Build([("qualified", 50L, 0.8), ("new", 200L, 0.4), ("contacted", 100L, 0.5)], Vocabulary.LeadStatuses);

        Assert.Equal(["New", "Contacted", "Qualified"], rows.Select(r => r.Label));
        Assert.Null(rows[0].Conversion);
        Assert.Equal(0.5, rows[1].Conversion);
        Assert.Equal(0.5, rows[2].Conversion);
    }

    [Fact]
    public void The_page_shows_counts_conversion_and_average_score_per_status()
    {
        Dashboard.Funnel = new FunnelReport(default, default, [new FunnelStep("new", 400, 0.41), new FunnelStep("contacted", 100, 0.55)]);

        var page = RenderPage<FunnelPage>();

        page.WaitForAssertion(() => Assert.Contains("25.0%", page.Find("[data-testid=funnel-statuses]").TextContent));
        Assert.Contains("400", page.Find("[data-testid=funnel-statuses]").TextContent);
        Assert.Contains("0.55", page.Find("[data-testid=funnel-statuses]").TextContent);
    }
}
