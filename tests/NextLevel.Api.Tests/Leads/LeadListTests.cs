using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Tests.Leads;

/// <summary>Filters, text search and authorization of the lead list. Each test tags its own leads to see only them.</summary>
public class LeadListTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly DateTime T0 = ApiFixture.DefaultNow.UtcDateTime.AddDays(-10);

    private static string NewTag() => "t" + Guid.NewGuid().ToString("N")[..10];

    private async Task<List<string>> IdsAsync(string query)
    {
        var page = await api.CreateStaffClient("closer").GetFromJsonAsync<JsonElement>("/api/leads?" + query);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }

    [Fact]
    public async Task Each_filter_narrows_the_list_to_the_matching_leads()
    {
        var tag = NewTag();
        var campaign = MongoDB.Bson.ObjectId.GenerateNewId();
        var a = await TestLeads.At(T0).Tagged(tag).From(LeadSource.GoogleAds).Score(0.9, qualified: true).In(LeadStatus.Qualified, LeadStage.Qualified).Campaign(campaign).SaveAsync(api.Database);
        var b = await TestLeads.At(T0.AddDays(1)).Tagged(tag).From(LeadSource.Zillow).Score(0.3).In(LeadStatus.Contacted, LeadStage.Contacted).SaveAsync(api.Database);
        var c = await TestLeads.At(T0.AddDays(2)).Tagged(tag).From(LeadSource.RealGeeks).Score(null).SaveAsync(api.Database);

        Assert.Equal([a.Id.ToString()], await IdsAsync($"tag={tag}&status=qualified"));
        Assert.Equal([b.Id.ToString(), a.Id.ToString()], await IdsAsync($"tag={tag}&status=qualified,contacted"));
        Assert.Equal([b.Id.ToString()], await IdsAsync($"tag={tag}&stage=contacted"));
        Assert.Equal([c.Id.ToString()], await IdsAsync($"tag={tag}&source=realgeeks"));
        Assert.Equal([a.Id.ToString()], await IdsAsync($"tag={tag}&campaignId={campaign}"));
        Assert.Equal([a.Id.ToString()], await IdsAsync($"tag={tag}&qualified=true"));
        Assert.Equal([b.Id.ToString(), a.Id.ToString()], await IdsAsync($"tag={tag}&minScore=0.2&maxScore=0.95"));
        Assert.Equal([a.Id.ToString()], await IdsAsync($"tag={tag}&minScore=0.8"));
        Assert.Equal([b.Id.ToString()], await IdsAsync($"tag={tag}&receivedFrom={T0.AddDays(1):O}&receivedTo={T0.AddDays(2):O}"));
        Assert.Equal([c.Id.ToString(), b.Id.ToString(), a.Id.ToString()], await IdsAsync($"tag={tag.ToUpperInvariant()}"));
    }

    [Fact]
    public async Task Text_search_finds_by_email_phone_and_name_prefix()
    {
        var tag = NewTag();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var byEmail = await TestLeads.At(T0).Tagged(tag).Email($"zed.{unique}@example.com").Named("Zed", "Q" + unique).Phone("+13035550111").SaveAsync(api.Database);
        var byPhone = await TestLeads.At(T0).Tagged(tag).Email(null).Named("Mary", "Jones").Phone("+17205559876").SaveAsync(api.Database);
        var byName = await TestLeads.At(T0).Tagged(tag).Named("Beatrice", "O'Hara" + unique).Phone(null).SaveAsync(api.Database);

        Assert.Equal([byEmail.Id.ToString()], await IdsAsync($"tag={tag}&q=ZED.{unique}"));
        Assert.Equal([byPhone.Id.ToString()], await IdsAsync($"tag={tag}&q=" + Uri.EscapeDataString("(720) 555-98")));
        Assert.Equal([byPhone.Id.ToString()], await IdsAsync($"tag={tag}&q=" + Uri.EscapeDataString("+1720555")));
        Assert.Equal([byName.Id.ToString()], await IdsAsync($"tag={tag}&q=" + Uri.EscapeDataString("o'hara" + unique)));
        Assert.Equal([byName.Id.ToString()], await IdsAsync($"tag={tag}&q=" + Uri.EscapeDataString("bea o'h")));
        Assert.Equal([byPhone.Id.ToString()], await IdsAsync($"tag={tag}&q=mar"));
    }

    [Theory]
    [InlineData("q=%7B%22%24gt%22%3A%22%22%7D")]
    [InlineData("q=.*")]
    [InlineData("q=%5E")]
    [InlineData("q=%24where")]
    public async Task Operator_and_regex_text_in_the_search_matches_literally(string query)
    {
        var tag = NewTag();
        await TestLeads.At(T0).Tagged(tag).SaveAsync(api.Database);

        var response = await api.CreateStaffClient("closer").GetAsync($"/api/leads?tag={tag}&{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Bracketed_operator_parameters_are_not_filters()
    {
        var tag = NewTag();
        await TestLeads.At(T0).Tagged(tag).SaveAsync(api.Database);

        var ids = await IdsAsync($"tag={tag}&status[$ne]=new&source%5B%24gt%5D=");

        Assert.Single(ids);
    }

    [Theory]
    [InlineData("status=bogus", "status")]
    [InlineData("status=%7B%22%24ne%22%3Anull%7D", "status")]
    [InlineData("stage=closed,nope", "stage")]
    [InlineData("source=facebook", "source")]
    [InlineData("campaignId=xyz", "campaignId")]
    [InlineData("qualified=maybe", "qualified")]
    [InlineData("minScore=2", "minScore")]
    [InlineData("maxScore=abc", "maxScore")]
    [InlineData("receivedFrom=yesterday", "receivedFrom")]
    [InlineData("tag=bad%20tag!", "tag")]
    [InlineData("sort=phone", "sort")]
    [InlineData("cursor=garbage", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("total=please", "total")]
    public async Task Bad_query_values_get_400_with_the_field_named(string query, string field)
    {
        var response = await api.CreateStaffClient("closer").GetAsync("/api/leads?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Staff_of_every_role_may_list_and_others_may_not()
    {
        foreach (var role in new[] { "admin", "campaign_manager", "closer", "ops" })
            Assert.Equal(HttpStatusCode.OK, (await api.CreateStaffClient(role).GetAsync("/api/leads?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.CreateStaffClient("visitor").GetAsync("/api/leads")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/leads")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/api/leads/export.csv")).StatusCode);
    }
}
