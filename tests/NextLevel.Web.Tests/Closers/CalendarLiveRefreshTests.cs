using NextLevel.Web.Components.Pages.Closers;
using NextLevel.Web.Tests.Infrastructure;
using static NextLevel.Web.Tests.Closers.ClosersBuilders;

namespace NextLevel.Web.Tests.Closers;

public sealed class CalendarLiveRefreshTests : WebTestContext
{
    public CalendarLiveRefreshTests() => Authorization.SetRoles("closer");

    [Fact]
    public async Task A_visit_booked_elsewhere_appears_without_reloading_and_polling_stops_when_the_page_closes()
    {
        var page = RenderPage<CalendarPage>();
        page.WaitForAssertion(() => Assert.Single(Work.AppointmentQueries));
        Assert.Empty(page.FindAll("[data-testid=calendar-visit]"));

        Work.Visits.Add(Visit("a1", Now.AddDays(1)));
        Clock.Advance(CalendarPage.PollInterval);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=calendar-visit]")));
        Assert.Equal(2, Work.AppointmentQueries.Count);
        Assert.Equal(Work.AppointmentQueries[0], Work.AppointmentQueries[1]);
        var reads = Work.AppointmentQueries.Count;
        await DisposeComponentsAsync();
        Clock.Advance(CalendarPage.PollInterval * 3);
        Assert.Equal(reads, Work.AppointmentQueries.Count);
    }
}
