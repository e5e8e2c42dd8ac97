using System.Net.Http.Json;
using System.Text.Json;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Tests.Leads;

/// <summary>Keyset pages over many leads: every lead exactly once, in order, for each sort; including ties and missing values.</summary>
public class LeadPaginationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int Count = 230;

    private async Task<(List<Lead> Leads, string Tag)> SeedAsync()
    {
        var tag = "p" + Guid.NewGuid().ToString("N")[..10];
        var random = new Random(7);
        var start = ApiFixture.DefaultNow.UtcDateTime.AddDays(-30);
        var names = new[] { "Adams", "Baker", "Clark", null, "Davis" };
        var leads = Enumerable.Range(0, Count).Select(i => TestLeads
            // Ties on purpose: few distinct times, scores and names.
            .At(start.AddHours(random.Next(40)))
            .Score(i % 9 == 0 ? null : Math.Round(random.Next(0, 6) / 5.0, 1))
            .Named(i % 7 == 0 ? null : "F" + random.Next(3), names[random.Next(names.Length)])
            .Tagged(tag)
            .Build()).ToList();
        await TestLeads.SaveAllAsync(api.Database, leads);
        return (leads, tag);
    }

    private async Task<List<string>> AllPagesAsync(string query, int limit)
    {
        var client = api.CreateStaffClient("ops");
        var ids = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var url = $"/api/leads?{query}&limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            var items = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
            Assert.True(items.Count <= limit);
            ids.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is null) return ids;
            Assert.Equal(limit, items.Count);
        }
        throw new InvalidOperationException("Paging did not end.");
    }

    [Fact]
    public async Task Pages_by_received_time_visit_every_lead_once_newest_first()
    {
        var (leads, tag) = await SeedAsync();
        var expected = leads.OrderByDescending(l => l.ReceivedAt).ThenByDescending(l => l.Id).Select(l => l.Id.ToString()).ToList();

        Assert.Equal(expected, await AllPagesAsync($"tag={tag}", 37));
    }

    [Fact]
    public async Task Pages_by_score_visit_every_lead_once_best_first_unscored_last()
    {
        var (leads, tag) = await SeedAsync();
        var expected = leads.OrderBy(l => l.Qualification is null ? 1 : 0).ThenByDescending(l => l.Qualification?.Score).ThenByDescending(l => l.Id)
            .Select(l => l.Id.ToString()).ToList();

        Assert.Equal(expected, await AllPagesAsync($"tag={tag}&sort=score", 23));
    }

    [Fact]
    public async Task Pages_by_name_visit_every_lead_once_alphabetically_missing_names_first()
    {
        var (leads, tag) = await SeedAsync();
        var expected = leads.OrderBy(l => l.Contact.LastName, StringComparer.Ordinal).ThenBy(l => l.Contact.FirstName, StringComparer.Ordinal).ThenBy(l => l.Id)
            .Select(l => l.Id.ToString()).ToList();

        Assert.Equal(expected, await AllPagesAsync($"tag={tag}&sort=name", 50));
    }

    [Fact]
    public async Task Each_sort_pages_the_other_way_when_asked_visiting_every_lead_once()
    {
        var (leads, tag) = await SeedAsync();
        var oldest = leads.OrderBy(l => l.ReceivedAt).ThenBy(l => l.Id).Select(l => l.Id.ToString()).ToList();
        var lowest = leads.OrderBy(l => l.Qualification is null ? 0 : 1).ThenBy(l => l.Qualification?.Score).ThenBy(l => l.Id).Select(l => l.Id.ToString()).ToList();
        var zToA = leads.OrderByDescending(l => l.Contact.LastName, StringComparer.Ordinal).ThenByDescending(l => l.Contact.FirstName, StringComparer.Ordinal)
            .ThenByDescending(l => l.Id).Select(l => l.Id.ToString()).ToList();

        Assert.Equal(oldest, await AllPagesAsync($"tag={tag}&sort=receivedAt.asc", 37));
        Assert.Equal(lowest, await AllPagesAsync($"tag={tag}&sort=score.asc", 23));
        Assert.Equal(zToA, await AllPagesAsync($"tag={tag}&sort=name.desc", 50));
    }

    [Fact]
    public async Task Total_is_counted_only_when_asked()
    {
        var (_, tag) = await SeedAsync();
        var client = api.CreateStaffClient("ops");

        var without = await client.GetFromJsonAsync<JsonElement>($"/api/leads?tag={tag}&limit=5");
        var with = await client.GetFromJsonAsync<JsonElement>($"/api/leads?tag={tag}&limit=5&total=true");

        Assert.Equal(JsonValueKind.Null, without.GetProperty("total").ValueKind);
        Assert.Equal(Count, with.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_cursor_of_one_sort_is_refused_for_another()
    {
        var (_, tag) = await SeedAsync();
        var client = api.CreateStaffClient("ops");
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/leads?tag={tag}&limit=5");
        var cursor = Uri.EscapeDataString(page.GetProperty("nextCursor").GetString()!);

        var response = await client.GetAsync($"/api/leads?tag={tag}&limit=5&sort=score&cursor={cursor}");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
