using System.Net;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Tests.Leads;

public class LeadExportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_export_streams_the_filtered_leads_as_csv()
    {
        var tag = "x" + Guid.NewGuid().ToString("N")[..10];
        var t0 = ApiFixture.DefaultNow.UtcDateTime.AddDays(-1);
        var kept = await TestLeads.At(t0).Tagged(tag).Named("Jo, Jr.", "=HYPERLINK(\"x\")").In(LeadStatus.Contacted, LeadStage.Contacted).SaveAsync(api.Database);
        var older = await TestLeads.At(t0.AddHours(-1)).Tagged(tag).In(LeadStatus.Contacted, LeadStage.Contacted).SaveAsync(api.Database);
        await TestLeads.At(t0).Tagged(tag).In(LeadStatus.Lost, LeadStage.Lost).SaveAsync(api.Database);

        var response = await api.CreateStaffClient("ops").GetAsync($"/api/leads/export.csv?tag={tag}&status=contacted&limit=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("id,source,externalId,receivedAt,firstName,lastName,email,phone", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Count);
        Assert.StartsWith(kept.Id + ",zillow,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"Jo, Jr.\",\"'=HYPERLINK(\"\"x\"\")\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",+12065550100,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith(older.Id + ",", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_refuses_bad_filters_with_400()
    {
        var response = await api.CreateStaffClient("ops").GetAsync("/api/leads/export.csv?status=%7B%22%24ne%22%3A1%7D");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
