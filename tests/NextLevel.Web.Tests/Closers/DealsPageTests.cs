using MudBlazor;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Pages.Closers;
using NextLevel.Web.Tests.Infrastructure;
using static NextLevel.Web.Tests.Closers.ClosersBuilders;

namespace NextLevel.Web.Tests.Closers;

public sealed class DealsPageTests : WebTestContext
{
    public DealsPageTests()
    {
        Campaigns.Campaigns.Add(new Campaign { Id = "c1", Name = "Spring sellers", Status = "active" });
        Campaigns.Campaigns.Add(new Campaign { Id = "c2", Name = "Probate list", Status = "active" });
        Deals.Deals.Add(new Deal("d1", "prop1", "o1", "lead0001", "c1", Now.AddDays(-10), "assignment", 12_000, "Acme Investors", Now.AddDays(20), null, null, "under_contract"));
        Deals.Deals.Add(new Deal("d2", "prop2", "o2", "lead0002", "c2", Now.AddDays(-40), "assignment", 9_500, null, Now.AddDays(-5), Now.AddDays(-4), 9_500, "closed"));
    }

    [Theory]
    [InlineData("closer")]
    [InlineData("campaign_manager")]
    public void Deals_are_listed_with_their_campaign_figures_and_a_link_to_the_lead(string role)
    {
        Authorization.SetRoles(role);

        var page = RenderPage<DealsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=deals-table] tbody tr").Count));
        var links = page.FindAll("[data-testid=deal-lead]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/leads/lead0001", "/leads/lead0002"], links.Order());
        var closed = page.FindAll("[data-testid=deals-table] tbody tr").Single(r => r.TextContent.Contains("Probate list"));
        Assert.Contains("$9,500", closed.TextContent);
        Assert.Contains("Closed", closed.TextContent);
        Assert.Equal((null, null), Deals.DealQueries.Single());
    }

    [Fact]
    public async Task The_campaign_and_status_filters_ask_the_Api_for_those_deals()
    {
        Authorization.SetRoles("closer");
        var page = RenderPage<DealsPage>();
        page.WaitForElement("[data-testid=deals-table]");

        var campaign = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Campaign");
        await campaign.InvokeAsync(() => campaign.Instance.ValueChanged.InvokeAsync("c2"));
        var status = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Status");
        await status.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync("closed"));

        Assert.Equal(("c2", "closed"), Deals.DealQueries.Last());
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=deals-table] tbody tr")));
        Assert.Contains("Probate list", page.Find("[data-testid=deals-table] tbody tr").TextContent);
    }
}
