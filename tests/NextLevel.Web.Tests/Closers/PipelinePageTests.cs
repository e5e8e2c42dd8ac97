using NextLevel.Web.Components.Pages.Closers;
using NextLevel.Web.Tests.Infrastructure;
using static NextLevel.Web.Tests.Closers.ClosersBuilders;

namespace NextLevel.Web.Tests.Closers;

public sealed class PipelinePageTests : WebTestContext
{
    public PipelinePageTests() => Authorization.SetRoles("closer");

    private static string StageOf(IRenderedComponent<PipelinePage> page, string leadName) =>
        page.FindAll("[data-testid^=stage-]").Single(column => column.TextContent.Contains(leadName, StringComparison.Ordinal)).GetAttribute("data-testid")!;

    [Fact]
    public void Each_lead_shows_in_its_stage_column()
    {
        Deals.Board = Board(("qualified", "lead0001", "Dana Seller"), ("site_visit", "lead0002", "Lee Owner"));

        var page = RenderPage<PipelinePage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=pipeline-card]").Count));
        Assert.Equal("stage-qualified", StageOf(page, "Dana Seller"));
        Assert.Equal("stage-site_visit", StageOf(page, "Lee Owner"));
    }

    [Fact]
    public async Task A_move_the_lifecycle_allows_is_sent_and_the_card_changes_column()
    {
        Deals.Board = Board(("qualified", "lead0001", "Dana Seller"));
        var page = RenderPage<PipelinePage>();
        page.WaitForElement("[data-testid=pipeline-card]");

        await page.InvokeAsync(() => page.Instance.MoveAsync(page.Instance.Cards[0], "site_visit"));

        Assert.Equal([("lead0001", "site_visit")], Deals.Moves);
        page.WaitForAssertion(() => Assert.Equal("stage-site_visit", StageOf(page, "Dana Seller")));
    }

    [Fact]
    public async Task A_move_the_lifecycle_refuses_shows_the_reason_and_the_card_snaps_back()
    {
        Deals.Board = Board(("new", "lead0001", "Dana Seller"));
        Deals.MoveRule = (_, stage) => stage == "closed"
            ? new NextLevel.Web.ApiClient.ApiProblemException(400, "One or more validation errors occurred.",
                new Dictionary<string, string[]> { ["stage"] = ["A new lead cannot be closed: it must get an accepted offer first."] })
            : null;
        var page = RenderPage<PipelinePage>();
        page.WaitForElement("[data-testid=pipeline-card]");

        await page.InvokeAsync(() => page.Instance.MoveAsync(page.Instance.Cards[0], "closed"));

        page.WaitForAssertion(() => Assert.Contains("must get an accepted offer first", page.Find("[data-testid=move-error]").TextContent));
        Assert.Equal("stage-new", StageOf(page, "Dana Seller"));
        Assert.Empty(Deals.Moves);
    }

    [Fact]
    public void The_board_follows_another_users_move_without_reloading()
    {
        Deals.Board = Board(("qualified", "lead0001", "Dana Seller"));
        var page = RenderPage<PipelinePage>();
        page.WaitForElement("[data-testid=pipeline-card]");
        Deals.Board = Board(("offer_made", "lead0001", "Dana Seller"));

        Clock.Advance(PipelinePage.PollInterval);

        page.WaitForAssertion(() => Assert.Equal("stage-offer_made", StageOf(page, "Dana Seller")));
    }
}
