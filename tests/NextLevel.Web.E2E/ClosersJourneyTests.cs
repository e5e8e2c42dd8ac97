using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace NextLevel.Web.E2E;

/// <summary>
/// A closer's journey in a real browser against the running, seeded system: the AI call the Worker placed (recorded as
/// its follow-up engine does) qualifies the seller (ElevenLabs' signed post-call webhook), routing offers the lead to an on-shift closer, who claims it on My day, books a site
/// visit, makes an offer that the seller accepts, turns it into a deal and closes it; the campaign's closing
/// figures then count the deal. Screenshots under TestResults/e2e, step times in timings.txt.
/// </summary>
[Collection(SeededSystemCollection.Name)]
public sealed class ClosersJourneyTests(SeededSystemFixture system) : IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private ClosersApiDriver _admin = null!;
    private readonly List<string> _timings = [];

    public async Task InitializeAsync()
    {
        _context = await system.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.WebUrl.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, TimezoneId = "America/Chicago",
        });
        _page = await _context.NewPageAsync();
        _page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        _admin = await ClosersApiDriver.SignInAsync(await system.App.CreateHttpClientAsync("api"), SeededSystemFixture.AdminEmail, system.AdminPassword, system.ElevenLabsWebhookSecret);
    }

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        if (_context is not null) await _context.DisposeAsync();
        if (_timings.Count > 0) await File.AppendAllLinesAsync(Path.Combine(system.ArtifactsDirectory, "timings.txt"), _timings);
    }

    [Fact]
    public async Task A_qualified_call_reaches_a_closer_who_claims_visits_offers_and_closes_the_deal()
    {
        var (leadId, campaignId, leadName, phone) = await _admin.FindRoutableLeadAsync();
        var callId = await ClosersApiDriver.PlaceCallAsync(system.MongoConnectionString, leadId, campaignId, phone);
        var dealsBefore = await _admin.DealsClosedAsync(campaignId);

        var (closerEmail, closerPassword) = ("", "");
        await StepAsync("qualified call routes the lead to a closer", async () =>
        {
            await _admin.PostQualifiedCallAsync(callId);
            (closerEmail, closerPassword) = await _admin.WaitForOfferAsync(leadId, TimeSpan.FromSeconds(30));
        });

        await StepAsync("closer signs in", async () =>
        {
            await _page.GotoAsync("/account/signin");
            await _page.FillAsync("#email", closerEmail);
            await _page.FillAsync("#password", closerPassword);
            await _page.GetByTestId("sign-in").ClickAsync();
            await Assertions.Expect(_page.GetByTestId("sign-out")).ToBeVisibleAsync();
        });

        await StepAsync("claim on My day", async () =>
        {
            await _page.GotoAsync("/my-day");
            var offered = _page.GetByTestId("offered-lead").Filter(new() { Has = _page.Locator($"a[href='/leads/{leadId}']") });
            await Assertions.Expect(offered).ToBeVisibleAsync();
            await Assertions.Expect(offered).ToContainTextAsync(leadName.Length > 0 ? leadName : "(no name)");
            await Assertions.Expect(offered.GetByTestId("claim-countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+:\d\d$"));
            await ShotAsync("closer-my-day");
            await offered.GetByTestId("claim").ClickAsync();
            await _page.WaitForURLAsync($"**/leads/{leadId}");
            await Assertions.Expect(_page.GetByTestId("routing-state")).ToContainTextAsync("Claimed by");
        });

        await StepAsync("book a site visit", async () =>
        {
            var start = DateTime.UtcNow.AddDays(2).Date.AddHours(16).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            await (await InputAsync("visit-start")).FillAsync(start);
            await _page.GetByTestId("book-visit").ClickAsync();
            await Assertions.Expect(_page.GetByTestId("visit-booked")).ToBeVisibleAsync();
            await Assertions.Expect(_page.GetByTestId("lead-stage")).ToHaveTextAsync("Site visit");
        });
        await ShotAsync("closer-visit-booked");

        await StepAsync("make, send and accept an offer", async () =>
        {
            await Assertions.Expect(_page.GetByTestId("offer-mao")).Not.ToHaveTextAsync("—");
            await (await InputAsync("offer-amount")).FillAsync("95000");
            await _page.GetByTestId("create-offer").ClickAsync();
            var status = _page.GetByTestId("offer-status").First;
            await Assertions.Expect(status).ToHaveTextAsync("Draft");
            await _page.GetByTestId("offer-send").First.ClickAsync();
            await Assertions.Expect(status).ToHaveTextAsync("Sent");
            await _page.GetByTestId("offer-accept").First.ClickAsync();
            await Assertions.Expect(status).ToHaveTextAsync("Accepted");
        });

        await StepAsync("turn the offer into a deal and close it", async () =>
        {
            await _page.GetByTestId("create-deal").ClickAsync();
            await Assertions.Expect(_page.GetByTestId("deal-status")).ToHaveTextAsync("Under contract");
            var revenue = await InputAsync("deal-revenue");
            await revenue.FillAsync("15000");
            await revenue.BlurAsync();
            await _page.GetByTestId("close-deal").ClickAsync();
            await Assertions.Expect(_page.GetByTestId("deal-status")).ToHaveTextAsync("Closed");
            await Assertions.Expect(_page.GetByTestId("lead-stage")).ToHaveTextAsync("Closed");
        });
        await ShotAsync("closer-deal-closed");

        await StepAsync("the campaign's metrics count the deal", async () =>
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await _admin.DealsClosedAsync(campaignId) < dealsBefore + 1) await Task.Delay(250, deadline.Token);
            await _page.GotoAsync($"/campaigns/{campaignId}");
            await Assertions.Expect(_page.GetByTestId("closing-deals")).ToHaveTextAsync((dealsBefore + 1).ToString("N0", CultureInfo.InvariantCulture));
        });
        await ShotAsync("campaign-closing-figures");
    }

    /// <summary>The input of a MudBlazor field, whether the test id sits on it or on its wrapper; waits for the interactive circuit.</summary>
    private async Task<ILocator> InputAsync(string testId)
    {
        await _page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var element = _page.GetByTestId(testId);
        await Assertions.Expect(element).ToBeVisibleAsync();
        return await element.EvaluateAsync<string>("e => e.tagName") is "INPUT" ? element : element.Locator("input");
    }

    private async Task StepAsync(string name, Func<Task> step)
    {
        var watch = Stopwatch.StartNew();
        await step();
        _timings.Add($"closers: {name}\t{watch.ElapsedMilliseconds} ms");
    }

    private Task ShotAsync(string name) =>
        _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(system.ArtifactsDirectory, $"{name}.png"), FullPage = true });
}
