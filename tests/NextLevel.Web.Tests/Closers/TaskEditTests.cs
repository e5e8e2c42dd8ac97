using MudBlazor;
using NextLevel.Web.ApiClient;
using NextLevel.Web.ApiClient.Closers;
using NextLevel.Web.Components.Pages.Closers;
using NextLevel.Web.Tests.Infrastructure;
using static NextLevel.Web.Tests.Closers.ClosersBuilders;

namespace NextLevel.Web.Tests.Closers;

public sealed class TaskEditTests : WebTestContext
{
    public TaskEditTests()
    {
        Authorization.SetRoles("campaign_manager");
        Routing.Closers.Add(new CloserSummary("u-casey", "Casey Closer", "UTC", null, 20, 1, true, 1));
        Routing.Closers.Add(new CloserSummary("u-jo", "Jo Closer", "UTC", null, 20, 1, true, 0));
    }

    private async Task<Task> OpenEditorAsync(IRenderedComponent<TasksPage> page)
    {
        page.WaitForElement("[data-testid=task-edit]");
        var edit = page.Find("[data-testid=task-edit]").ClickAsync(new());
        DialogHost.WaitForElement("[data-testid=task-edit-save]");
        await System.Threading.Tasks.Task.Yield();
        return edit;
    }

    private async Task ChooseAsync(string label, string value)
    {
        var select = DialogHost.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == label);
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    [Fact]
    public async Task A_tasks_due_time_owner_and_priority_are_changed_and_only_the_changes_are_sent()
    {
        Work.Tasks.Add(Task("t1", "Call Dana back", Now.AddHours(1)));
        var page = RenderPage<TasksPage>();
        var edit = await OpenEditorAsync(page);

        Assert.Equal("2026-03-02T18:00", Field(DialogHost, "task-edit-due").GetAttribute("value"));
        await Field(DialogHost, "task-edit-due").ChangeAsync(new() { Value = "2026-03-03T15:30" });
        await ChooseAsync("Owner", "u-jo");
        await ChooseAsync("Priority", "urgent");
        await DialogHost.Find("[data-testid=task-edit-save]").ClickAsync(new());
        await edit;

        var (taskId, patch) = Assert.Single(Work.TaskPatches);
        Assert.Equal("t1", taskId);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 15, 30, 0, TimeSpan.Zero), patch.DueAt);
        Assert.Equal(("u-jo", "urgent", (string?)null), (patch.OwnerId, patch.Priority, patch.Status));
        page.WaitForAssertion(() => Assert.Contains("Urgent", page.Find("[data-testid=tasks-table] tbody tr").TextContent));
    }

    [Fact]
    public async Task A_call_back_refused_outside_the_legal_window_shows_the_next_allowed_time_and_can_take_it()
    {
        Work.Tasks.Add(Task("t1", "Call Dana back", Now.AddHours(1)));
        Work.TaskPatchRefusal = new ApiProblemException(400, "One or more validation errors occurred.", new Dictionary<string, string[]>
        {
            ["dueAt"] = ["The callee may not be called at that time; the next allowed time is 2026-03-03T14:00:00Z. Outside 8am-9pm in the callee's time zone."],
        })
        { NextAllowedAt = new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero) };
        var page = RenderPage<TasksPage>();
        await OpenEditorAsync(page);

        await Field(DialogHost, "task-edit-due").ChangeAsync(new() { Value = "2026-03-03T03:00" });
        await DialogHost.Find("[data-testid=task-edit-save]").ClickAsync(new());

        DialogHost.WaitForAssertion(() => Assert.Contains("Mar 3", DialogHost.Find("[data-testid=task-edit-next-allowed]").TextContent));
        Assert.Contains("Outside 8am-9pm", DialogHost.Find("[data-testid=task-edit-due]").Closest(".mud-input-control")!.TextContent);
        Assert.Empty(Work.TaskPatches);

        await DialogHost.Find("[data-testid=task-edit-use-next]").ClickAsync(new());
        DialogHost.WaitForAssertion(() => Assert.Equal("2026-03-03T14:00", Field(DialogHost, "task-edit-due").GetAttribute("value")));
    }

    [Fact]
    public async Task The_next_allowed_time_comes_from_the_Apis_problem_extension()
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"title":"One or more validation errors occurred.","status":400,"errors":{"dueAt":["The callee may not be called at that time."]},"nextAllowedAt":"2026-03-03T14:00:00Z"}"""),
        };

        var problem = await ApiProblemException.ReadAsync(response, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero), problem.NextAllowedAt);
        Assert.Equal(["The callee may not be called at that time."], problem.Errors["dueAt"]);
    }
}
