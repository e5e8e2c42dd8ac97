using NextLevel.Web.Components.Pages.Closers;
using NextLevel.Web.Tests.Infrastructure;
using static NextLevel.Web.Tests.Closers.ClosersBuilders;

namespace NextLevel.Web.Tests.Closers;

public sealed class TasksAndCalendarTests : WebTestContext
{
    public TasksAndCalendarTests() => Authorization.SetRoles("closer");

    [Fact]
    public void The_task_list_starts_with_my_open_tasks_and_flags_the_overdue()
    {
        Work.Tasks.Add(Task("t1", "Call Dana back", Now.AddHours(-3), overdue: true));
        Work.Tasks.Add(Task("t2", "Old one", Now.AddDays(-3), status: "done"));

        var page = RenderPage<TasksPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=tasks-table] tbody tr")));
        Assert.Equal(("me", "open"), (Work.TaskQueries[^1].Owner, Work.TaskQueries[^1].Status));
        Assert.Contains("Overdue", page.Find("[data-testid=tasks-table] tbody tr").TextContent);
    }

    [Fact]
    public void The_overdue_switch_asks_the_Api_for_overdue_tasks_only()
    {
        var page = RenderPage<TasksPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(Work.TaskQueries));

        page.Find(".mud-switch input").Change(true);

        page.WaitForAssertion(() => Assert.True(Work.TaskQueries[^1].Overdue));
    }

    [Fact]
    public void Marking_a_task_done_patches_its_status()
    {
        Work.Tasks.Add(Task("t1", "Call Dana back", Now.AddHours(1)));
        var page = RenderPage<TasksPage>();
        page.WaitForElement("[data-testid=task-done]").Click();

        page.WaitForAssertion(() => Assert.Equal("done", Work.TaskPatches.Single().Patch.Status));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=task-done]")));
    }

    [Fact]
    public void The_calendar_shows_the_week_from_monday_with_each_visit_on_its_day()
    {
        Work.Visits.Add(Visit("a1", new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero)));

        var page = RenderPage<CalendarPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=calendar-visit]")));
        var days = page.FindAll("[data-testid=calendar-day]");
        Assert.Equal(7, days.Count);
        Assert.Contains("Mon Mar 2", days[0].TextContent);
        Assert.Contains("1 Elm St", days[2].TextContent);
        var query = Work.AppointmentQueries[^1];
        Assert.Equal(("me", new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero)), (query.CloserId, query.From, query.To));
    }

    [Fact]
    public void The_next_week_button_reads_the_following_week()
    {
        var page = RenderPage<CalendarPage>();
        page.WaitForElement("[data-testid=next-week]").Click();

        page.WaitForAssertion(() => Assert.Equal(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero), Work.AppointmentQueries[^1].From));
    }

    [Theory]
    [InlineData(2026, 3, 2, 2026, 3, 2)]
    [InlineData(2026, 3, 8, 2026, 3, 2)]
    [InlineData(2026, 3, 4, 2026, 3, 2)]
    public void A_week_starts_on_monday(int y, int m, int d, int ey, int em, int ed) =>
        Assert.Equal(new DateTime(ey, em, ed), CalendarPage.MondayOf(new DateTime(y, m, d)));
}
