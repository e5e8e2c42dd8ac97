using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using NextLevel.Web.ApiClient;
using NextLevel.Web.Components.Pages.Leads;
using NextLevel.Web.Tests.Infrastructure;

namespace NextLevel.Web.Tests.Leads;

public sealed class LeadsPageTests : WebTestContext
{
    [Fact]
    public void Shows_one_page_of_leads_from_the_Api_with_the_total()
    {
        Leads.Rows.AddRange(Enumerable.Range(1, 60).Select(n => Builders.LeadRow(n)));

        var page = RenderPage<LeadsPage>();

        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=leads-grid] tbody tr").Count));
        Assert.Contains("First1 Last1", page.Markup);
        Assert.DoesNotContain("First26 Last26", page.Markup);
        Assert.True(Leads.ListCalls[0].Total, "the first page asks for the total once");
    }

    [Fact]
    public void Filters_in_the_URL_are_applied_to_the_Api_query()
    {
        Leads.Rows.AddRange([Builders.LeadRow(1, "new"), Builders.LeadRow(2, "qualified")]);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/leads?status=qualified&minScore=0.5&from=2026-02-01");

        var page = RenderPage<LeadsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=leads-grid] tbody tr")));
        var filter = Leads.ListCalls[^1].Filter;
        Assert.Equal("qualified", filter.Status);
        Assert.Equal(0.5, filter.MinScore);
        Assert.Equal(new DateTime(2026, 2, 1), filter.ReceivedFrom);
        Assert.Contains("First2 Last2", page.Markup);
    }

    [Fact]
    public async Task Applying_a_filter_keeps_it_in_the_URL_and_reloads_from_the_first_page()
    {
        Leads.Rows.AddRange(Enumerable.Range(1, 5).Select(n => Builders.LeadRow(n)));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/leads");
        var page = RenderPage<LeadsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(Leads.ListCalls));

        await page.InvokeAsync(() => page.Instance.ApplyAsync(page.Instance.Filter with { Q = "First3" }));

        Assert.EndsWith("/leads?q=First3", navigation.Uri);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=leads-grid] tbody tr")));
        Assert.Null(Leads.ListCalls[^1].Cursor);
    }

    [Fact]
    public async Task A_filter_applied_on_a_later_page_asks_the_Api_once_for_the_first_page()
    {
        Leads.Rows.AddRange(Enumerable.Range(1, 60).Select(n => Builders.LeadRow(n, n % 2 == 0 ? "qualified" : "new")));
        var page = RenderPage<LeadsPage>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=leads-grid] tbody tr").Count));
        page.Find("[data-testid=leads-grid] button[aria-label='Next page']").Click();
        page.WaitForAssertion(() => Assert.Contains("First26 Last26", page.Markup));
        var before = Leads.ListCalls.Count;

        await page.InvokeAsync(() => page.Instance.ApplyAsync(page.Instance.Filter with { Status = "qualified" }));

        page.WaitForAssertion(() => Assert.Contains("First2 Last2", page.Markup));
        var call = Assert.Single(Leads.ListCalls.Skip(before));
        Assert.Null(call.Cursor);
        Assert.Equal("qualified", call.Filter.Status);
    }

    [Fact]
    public async Task Until_the_Api_answers_the_grid_shows_a_loading_bar_and_not_that_nothing_matches()
    {
        Leads.ListGate = new TaskCompletionSource();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/leads?status=dnc");

        var page = RenderPage<LeadsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(Leads.ListCalls));
        Assert.Empty(page.FindAll("[data-testid=empty-state]"));
        Assert.NotEmpty(page.FindAll("[data-testid=leads-grid] .mud-progress-linear"));
        await page.InvokeAsync(() => Leads.ListGate.SetResult());
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=empty-state]")));
    }

    [Fact]
    public void No_matching_lead_shows_an_empty_state_that_says_what_to_do()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/leads?status=dnc");

        var page = RenderPage<LeadsPage>();

        page.WaitForAssertion(() => Assert.Contains("No lead matches these filters", page.Markup));
    }

    [Fact]
    public void An_Api_failure_is_shown_with_a_way_to_retry()
    {
        Leads.Failure = new HttpRequestException("down");

        var page = RenderPage<LeadsPage>();

        page.WaitForAssertion(() => Assert.Contains("The Api cannot be reached", page.Find("[data-testid=api-error]").TextContent));
        Assert.Contains("Try again", page.Find("[data-testid=api-error]").TextContent);
    }

    [Fact]
    public void The_CSV_export_link_carries_the_current_filters()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/leads?source=zillow&q=dana");

        var page = RenderPage<LeadsPage>();

        var href = page.Find("[data-testid=export-csv]").GetAttribute("href");
        Assert.Equal("/leads/export.csv?source=zillow&q=dana", href);
    }

    [Theory]
    [InlineData("ReceivedAt", true, "receivedAt")]
    [InlineData("ReceivedAt", false, "receivedAt.asc")]
    [InlineData("Score", true, "score")]
    [InlineData("Score", false, "score.asc")]
    [InlineData("LastName", false, "name")]
    [InlineData("LastName", true, "name.desc")]
    [InlineData("Phone", false, null)]
    public void Grid_columns_sort_by_the_Api_orders_in_the_direction_the_grid_shows(string column, bool descending, string? expected) =>
        Assert.Equal(expected, LeadsPage.ApiSort(new MudBlazor.SortDefinition<NextLevel.Web.ApiClient.Models.LeadSummary>(column, descending, 0, _ => 0)));
}
