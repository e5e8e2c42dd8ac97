using NextLevel.Web.ApiClient.Models;
using NextLevel.Web.Components.Shared.Calls;
using NextLevel.Web.Tests.Infrastructure;

namespace NextLevel.Web.Tests.Calls;

public sealed class TranscriptViewerTests : WebTestContext
{
    private static readonly CallTranscript Transcript = new("t1", "call1", "lead0001",
    [
        new TranscriptMessage("agent", "Hi, this is Next Level Real Estate.", 0, 0.5, 0.9),
        new TranscriptMessage("user", "I might sell the house on Elm.", 4.2, 0.3, 0.9),
        new TranscriptMessage("agent", "Would Thursday work for a visit?", 9, 0.6, 0.9),
    ], ["site_visit"], ["sell"]);

    [Fact]
    public void Messages_are_attributed_to_agent_and_seller()
    {
        var viewer = RenderPage<TranscriptViewer>(p => p.Add(x => x.Transcript, Transcript));

        var speakers = viewer.FindAll(".speaker").Select(s => s.TextContent).ToList();
        Assert.Equal(["Agent", "Seller", "Agent"], speakers);
    }

    [Fact]
    public async Task Searching_keeps_only_the_messages_that_contain_the_words()
    {
        var viewer = RenderPage<TranscriptViewer>(p => p.Add(x => x.Transcript, Transcript));

        await Field(viewer, "transcript-search").InputAsync(new() { Value = "thursday" });
        Clock.Advance(TimeSpan.FromMilliseconds(200));

        viewer.WaitForAssertion(() => Assert.Single(viewer.FindAll(".messages li")));
        Assert.Contains("1 of 3 messages", viewer.Markup);
    }

    [Fact]
    public void Lead_timeline_kinds_read_the_same_in_either_spelling() =>
        Assert.Equal("contact_attempt", NextLevel.Web.Components.Pages.Leads.LeadTimelineView.NormalKind("ContactAttempt"));
}
