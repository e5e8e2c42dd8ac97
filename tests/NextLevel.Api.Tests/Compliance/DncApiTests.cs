using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MongoDB.Driver;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Configuration;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Compliance;

public sealed class DncApiTests(ComplianceApiFixture fixture) : IClassFixture<ComplianceApiFixture>
{
    private IMongoCollection<DncEntry> Entries => fixture.Database.GetCollection<DncEntry>(CollectionNames.DncRegistry);

    [Fact]
    public async Task Internal_dnc_add_blocks_calls_and_removal_ends_it_but_keeps_the_record()
    {
        await fixture.ImportFreshNationalListAsync();
        var lead = await fixture.InsertLeadAsync();
        using var client = fixture.CreateStaffClient("closer");
        var phone = Uri.EscapeDataString(lead.Contact.Phone!);

        var added = await client.PostAsJsonAsync($"/api/compliance/dnc/{phone}", new { reason = "asked by letter", leadId = lead.Id.ToString() });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var blocked = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=manual_call");
        Assert.Equal("internal_dnc", blocked.GetProperty("reasons")[0].GetProperty("code").GetString());
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/dnc/{phone}");
        Assert.True(listed[0].GetProperty("inForce").GetBoolean());

        var removed = await client.DeleteAsync($"/api/compliance/dnc/{phone}?reason=written%20consent%20received");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.True((await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=manual_call")).GetProperty("allowed").GetBoolean());
        var kept = await Entries.Find(e => e.Phone == lead.Contact.Phone).SingleAsync();
        Assert.NotNull(kept.ExpiresAt);
        var events = await new ConsentLedger(fixture.Database).ForPhoneAsync(lead.Contact.Phone!);
        Assert.Contains(events, e => e.EventType == ConsentEventType.DncAdded);
        Assert.Contains(events, e => e.EventType == ConsentEventType.DncRemoved);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/compliance/dnc/{phone}")).StatusCode);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("12345")]
    [InlineData("%7B%22%24gt%22%3A%22%22%7D")]
    public async Task A_bad_phone_is_400_and_nothing_is_written(string phone)
    {
        var before = await fixture.SnapshotAsync();
        using var client = fixture.CreateStaffClient("closer");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/compliance/dnc/{phone}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.DeleteAsync($"/api/compliance/dnc/{phone}")).StatusCode);
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    [Fact]
    public async Task Registry_import_needs_the_compliance_role()
    {
        using var client = fixture.CreateStaffClient("closer");
        var response = await client.PostAsync("/api/compliance/dnc/import?source=national", new StringContent("2025550142\n", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task State_import_normalises_counts_and_ends_numbers_missing_from_the_next_copy()
    {
        using var client = fixture.CreateStaffClient("ops");
        var file = "phone\n(305) 555-0101\n305-555-0102\n13055550103\n3055550103\nnot a number\n\n";
        var first = await client.PostAsync("/api/compliance/dnc/import?source=state&state=fl", new StringContent(file, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var result = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(6, result.GetProperty("lines").GetInt64());
        Assert.Equal(4, result.GetProperty("accepted").GetInt64());
        Assert.Equal(2, result.GetProperty("rejected").GetInt64());
        Assert.Equal(3, result.GetProperty("inserted").GetInt64());
        Assert.Equal("FL", result.GetProperty("state").GetString());

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await client.PostAsync("/api/compliance/dnc/import?source=state&state=FL", new StringContent("3055550101\n3055550102\n", Encoding.UTF8, "text/plain"));
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("inserted").GetInt64());
        Assert.Equal(1, again.GetProperty("ended").GetInt64());
        var ended = await Entries.Find(e => e.Phone == "+13055550103" && e.Source == DncSource.State).SingleAsync();
        Assert.NotNull(ended.ExpiresAt);

        var (imports, _) = await new SystemConfigStore(fixture.Database, fixture.Clock).GetAsync(ComplianceSettings.DncImports);
        Assert.Equal(2, imports.States["FL"].Numbers);
    }

    [Fact]
    public async Task National_import_records_its_date_which_the_31_day_rule_reads()
    {
        var lead = await fixture.InsertLeadAsync();
        using var client = fixture.CreateStaffClient("admin");
        var body = string.Join('\n', Enumerable.Range(0, 12_000).Select(i => $"212{2_000_000 + i}")) + "\n" + lead.Contact.Phone;

        var response = await client.PostAsync("/api/compliance/dnc/import?source=national", new StringContent(body, Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(12_001, result.GetProperty("inserted").GetInt64());
        var (imports, _) = await new SystemConfigStore(fixture.Database, fixture.Clock).GetAsync(ComplianceSettings.DncImports);
        Assert.Equal(fixture.Clock.GetUtcNow().UtcDateTime, imports.National!.ImportedAt);
        var decision = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=manual_call");
        Assert.Equal("national_dnc", decision.GetProperty("reasons")[0].GetProperty("code").GetString());
        var later = fixture.Clock.GetUtcNow().AddDays(32).ToString("O");
        var stale = await client.GetFromJsonAsync<JsonElement>($"/api/compliance/can-contact/{lead.Id}?channel=manual_call&at={Uri.EscapeDataString(later)}");
        Assert.Contains(stale.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "national_dnc_list_stale");
    }

    [Theory]
    [InlineData("/api/compliance/dnc/import", "text/plain", "2025550142\n")]
    [InlineData("/api/compliance/dnc/import?source=galactic", "text/plain", "2025550142\n")]
    [InlineData("/api/compliance/dnc/import?source=state", "text/plain", "2025550142\n")]
    [InlineData("/api/compliance/dnc/import?source=state&state=ZZ", "text/plain", "2025550142\n")]
    [InlineData("/api/compliance/dnc/import?source=national", "application/json", "[\"2025550142\"]")]
    [InlineData("/api/compliance/dnc/import?source=national", "text/plain", "no numbers here\n{\"$gt\":\"\"}\n")]
    [InlineData("/api/compliance/dnc/import?source=national", "text/plain", "")]
    public async Task Bad_imports_are_400_and_write_nothing(string url, string mediaType, string body)
    {
        var before = await fixture.SnapshotAsync();
        using var client = fixture.CreateStaffClient("ops");
        var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, mediaType));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await fixture.SnapshotAsync());
    }
}
