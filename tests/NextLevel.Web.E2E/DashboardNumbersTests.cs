using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.Web.E2E;

/// <summary>
/// The numbers a staff member reads on the Overview, Campaign performance and Funnel are the database's: each is
/// counted here straight from the collections with the driver (not through the Api or the Domain's queries) before
/// and after the page is read. The Worker keeps working meanwhile, so a figure it can move must lie between the two
/// counts; the leads received in a period cannot move, and must be equal.
/// </summary>
[Collection(SeededSystemCollection.Name)]
public sealed class DashboardNumbersTests(SeededSystemFixture system) : IAsyncLifetime
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private IMongoDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _context = await system.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = system.WebUrl.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, TimezoneId = Chicago.Id,
        });
        _page = await _context.NewPageAsync();
        var timeout = SeededSystemFixture.SeededLeads >= 50_000 ? 180_000 : 30_000;
        _page.SetDefaultTimeout(timeout);
        Assertions.SetDefaultExpectTimeout(timeout);
        var url = MongoUrl.Create(system.MongoConnectionString);
        _database = new MongoClient(url).GetDatabase(url.DatabaseName ?? "next_level_real_estate");
    }

    public async Task DisposeAsync()
    {
        if (_context is not null) await _context.DisposeAsync();
    }

    [Fact]
    public async Task The_overview_campaign_performance_and_funnel_show_what_the_database_holds()
    {
        await _page.GotoAsync("/account/signin");
        await _page.FillAsync("#email", SeededSystemFixture.AdminEmail);
        await _page.FillAsync("#password", system.AdminPassword);
        await _page.GetByTestId("sign-in").ClickAsync();
        await Assertions.Expect(_page.GetByTestId("signed-in-user")).ToHaveTextAsync("E2E Admin");
        var (from, to) = Last30Days();

        // Overview: the period's tiles.
        var before = await CountAsync(from, to);
        await _page.GotoAsync("/");
        await Assertions.Expect(_page.GetByTestId("kpi-leads").GetByTestId("kpi-value")).Not.ToHaveTextAsync("");
        var tiles = await TilesAsync();
        var after = await CountAsync(from, to);
        Assert.Equal(before.Received, after.Received);
        Assert.Equal(before.Received, ParseNumber(tiles["Leads received"]));
        AssertBetween(before.Qualified, after.Qualified, ParseNumber(tiles["Qualified"]), "qualified");
        AssertBetween(before.Deals, after.Deals, ParseNumber(tiles["Deals"]), "deals");
        // Money is shown to the cent below $1,000 and to the dollar above.
        AssertBetween(before.Cost - 1, after.Cost + 1, ParseMoney(tiles["Total cost"]), "total cost");

        // Campaign performance: the calls of the campaign with the most calls in the period, by outcome.
        var campaignId = before.CallsByCampaign.MaxBy(c => c.Value).Key;
        var callsBefore = (await CountAsync(from, to)).CallsByCampaign.GetValueOrDefault(campaignId);
        await _page.GotoAsync($"/reports/campaign-performance?campaignId={campaignId}");
        var rows = _page.Locator("[data-testid=outcomes-table] tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var shown = 0L;
        foreach (var row in await rows.AllAsync()) shown += ParseNumber(await row.Locator("td").Nth(1).InnerTextAsync());
        var callsAfter = (await CountAsync(from, to)).CallsByCampaign.GetValueOrDefault(campaignId);
        AssertBetween(callsBefore, callsAfter, shown, "calls of the campaign by outcome");

        // Funnel: leads received in the period by their status now.
        var funnelBefore = await CountAsync(from, to);
        await _page.GotoAsync("/reports/funnel");
        var steps = _page.Locator("[data-testid=funnel-statuses] tbody tr");
        await Assertions.Expect(steps.First).ToBeVisibleAsync();
        var counts = new List<long>();
        foreach (var step in await steps.AllAsync()) counts.Add(ParseNumber(await step.Locator("td").Nth(1).InnerTextAsync()));
        var funnelAfter = await CountAsync(from, to);
        Assert.Equal(funnelBefore.Received, counts.Sum());
        if (funnelBefore.ByStatus.SequenceEqual(funnelAfter.ByStatus))
            Assert.Equal(funnelBefore.ByStatus.Values.Where(n => n > 0).Order(), counts.Where(n => n > 0).Order());
    }

    /// <summary>The Overview's "Last 30 days" in the browser's zone: from the start of the day 29 days ago to the start of tomorrow.</summary>
    private static (DateTime From, DateTime To) Last30Days()
    {
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Chicago).Date;
        DateTime StartOf(DateTime day) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day, DateTimeKind.Unspecified), Chicago);
        return (StartOf(today.AddDays(-29)), StartOf(today.AddDays(1)));
    }

    private sealed record DatabaseCounts(long Received, long Qualified, long Deals, decimal Cost, SortedDictionary<string, long> ByStatus, Dictionary<string, long> CallsByCampaign);

    private async Task<DatabaseCounts> CountAsync(DateTime from, DateTime to)
    {
        var leads = _database.GetCollection<BsonDocument>("leads");
        var calls = _database.GetCollection<BsonDocument>("calls");
        var received = new BsonDocument("receivedAt", new BsonDocument { { "$gte", from }, { "$lt", to } });
        var initiated = new BsonDocument("initiatedAt", new BsonDocument { { "$gte", from }, { "$lt", to } });
        var inPeriod = await leads.Find(received).Project(new BsonDocument { { "status", 1 }, { "stage", 1 }, { "qualification.qualified", 1 } }).ToListAsync();
        var periodCalls = await calls.Find(initiated).Project(new BsonDocument { { "campaignId", 1 }, { "cost.totalCost", 1 } }).ToListAsync();
        var byStatus = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var lead in inPeriod)
        {
            var status = lead.GetValue("status", "").AsString;
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
        }
        return new DatabaseCounts(
            inPeriod.Count,
            inPeriod.Count(l => l.GetValue("qualification", BsonNull.Value) is BsonDocument q && q.GetValue("qualified", false) == true),
            inPeriod.Count(l => l.GetValue("stage", "") == "closed" || l.GetValue("status", "") == "converted"),
            periodCalls.Sum(c => c.GetValue("cost", BsonNull.Value) is BsonDocument cost && cost.GetValue("totalCost", BsonNull.Value) is { IsNumeric: true } total ? total.ToDecimal() : 0m),
            byStatus,
            periodCalls.Where(c => c.GetValue("campaignId", BsonNull.Value) is BsonObjectId).GroupBy(c => c["campaignId"].AsObjectId.ToString()).ToDictionary(g => g.Key, g => (long)g.Count()));
    }

    private async Task<Dictionary<string, string>> TilesAsync()
    {
        var tiles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tile in await _page.Locator("[data-testid=kpis-period] .kpi").AllAsync())
        {
            var value = (await tile.GetByTestId("kpi-value").InnerTextAsync()).Trim();
            var label = (await tile.InnerTextAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[0];
            tiles[label] = value;
        }
        return tiles;
    }

    private static long ParseNumber(string text) => long.Parse(text.Replace(",", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);

    private static decimal ParseMoney(string text) =>
        decimal.Parse(Regex.Replace(text, "[$,\\s]", ""), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static void AssertBetween(decimal first, decimal second, decimal shown, string what) =>
        Assert.True(shown >= Math.Min(first, second) && shown <= Math.Max(first, second), $"{what}: the page shows {shown}, the database held {first} before and {second} after");
}
