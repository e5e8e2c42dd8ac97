using Microsoft.Extensions.DependencyInjection;
using NextLevel.Web.Components.Pages.Closers;
using NextLevel.Web.Tests.Infrastructure;
using static NextLevel.Web.Tests.Closers.ClosersBuilders;

namespace NextLevel.Web.Tests.Closers;

public sealed class MyDayPageTests : WebTestContext
{
    public MyDayPageTests() => Authorization.SetRoles("closer");

    [Fact]
    public void Offered_leads_show_a_claim_countdown_that_ticks_with_the_clock()
    {
        Routing.Offers.Add(Offered("lead0001", "Dana Seller", TimeSpan.FromMinutes(5)));

        var page = RenderPage<MyDayPage>();
        page.WaitForAssertion(() => Assert.Equal("5:00", page.Find("[data-testid=claim-countdown]").TextContent.Trim()));

        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal("4:59", page.Find("[data-testid=claim-countdown]").TextContent.Trim()));
        Assert.Contains("next in rotation, on shift, 3 of 20 open", page.Find("[data-testid=offered-lead]").TextContent);
    }

    [Fact]
    public void Claiming_takes_the_closer_to_the_lead()
    {
        Routing.Offers.Add(Offered("lead0001", "Dana Seller", TimeSpan.FromMinutes(5)));
        var page = RenderPage<MyDayPage>();
        page.WaitForElement("[data-testid=claim]");

        page.Find("[data-testid=claim]").Click();

        page.WaitForAssertion(() => Assert.Equal(["lead0001"], Routing.Claims));
        Assert.EndsWith("/leads/lead0001", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }

    [Fact]
    public void A_claim_another_closer_won_shows_why_and_the_lead_leaves_the_list()
    {
        Routing.Offers.Add(Offered("lead0001", "Dana Seller", TimeSpan.FromMinutes(5)));
        var page = RenderPage<MyDayPage>();
        page.WaitForElement("[data-testid=claim]");
        Routing.Refusal = FakeRoutingApi.Problem(409, "The lead was already claimed by Sam.");
        Routing.Offers.Clear();

        page.Find("[data-testid=claim]").Click();

        page.WaitForAssertion(() => Assert.Contains("already claimed by Sam", page.Find("[data-testid=claim-error]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=offered-lead]"));
    }

    [Fact]
    public async Task A_lead_offered_by_routing_appears_without_reloading_and_polling_stops_when_the_page_closes()
    {
        var page = RenderPage<MyDayPage>();
        page.WaitForAssertion(() => Assert.Equal(1, Routing.OfferReads));
        Routing.Offers.Add(Offered("lead0002", "Lee Owner", TimeSpan.FromMinutes(4)));

        Clock.Advance(MyDayPage.PollInterval);

        page.WaitForAssertion(() => Assert.Contains("Lee Owner", page.Find("[data-testid=offered-leads]").TextContent));
        var reads = Routing.OfferReads;
        await DisposeComponentsAsync();
        Clock.Advance(MyDayPage.PollInterval * 3);
        Assert.Equal(reads, Routing.OfferReads);
    }

    [Fact]
    public void Tasks_due_today_flag_the_overdue_and_can_be_marked_done_and_todays_visits_are_listed()
    {
        Work.Tasks.Add(Task("t1", "Call Dana back", Now.AddHours(-2), overdue: true));
        Work.Tasks.Add(Task("t2", "Send the offer", Now.AddHours(1), type: "send_offer"));
        Work.Visits.Add(Visit("a1", Now.AddHours(2)));

        var page = RenderPage<MyDayPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=my-task]").Count));
        Assert.Contains("Overdue", page.FindAll("[data-testid=my-task]")[0].TextContent);
        Assert.Contains("1 Elm St", page.Find("[data-testid=my-visit]").TextContent);
        Assert.Contains("7:00 PM", page.Find("[data-testid=my-visit]").TextContent);

        page.FindAll("[data-testid=task-done]")[0].Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=my-task]")));
        Assert.Equal(("t1", "done"), (Work.TaskPatches[0].TaskId, Work.TaskPatches[0].Patch.Status));
    }

    [Fact]
    public void The_calendar_feed_link_is_shown_on_demand_and_can_be_rotated()
    {
        var page = RenderPage<MyDayPage>();
        page.WaitForElement("[data-testid=calendar-feed]").Click();
        page.WaitForAssertion(() => Assert.Contains("secret0.ics", Field(page, "calendar-feed-url").GetAttribute("value")));

        page.Find("[data-testid=calendar-feed-rotate]").Click();

        page.WaitForAssertion(() => Assert.Contains("secret1.ics", Field(page, "calendar-feed-url").GetAttribute("value")));
    }
}
