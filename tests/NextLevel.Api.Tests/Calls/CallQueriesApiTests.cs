using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Calls;

public class CallQueriesApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly ObjectId _lead = ObjectId.GenerateNewId();

    private async Task<List<Call>> SeedAsync(int count)
    {
        var calls = Enumerable.Range(0, count).Select(i => new Call
        {
            Id = ObjectId.GenerateNewId(), CallSid = "CA" + Guid.NewGuid().ToString("N"), LeadId = _lead, ContactPhone = "+15550001111",
            InitiatedAt = ApiFixture.DefaultNow.UtcDateTime.AddMinutes(-i), Status = CallStatus.Completed,
            Outcome = i % 2 == 0 ? CallOutcome.Qualified : CallOutcome.Voicemail, CreatedAt = ApiFixture.DefaultNow.UtcDateTime,
        }).ToList();
        await api.Database.GetCollection<Call>(CollectionNames.Calls).InsertManyAsync(calls);
        return calls;
    }

    [Fact]
    public async Task Calls_of_a_lead_come_newest_first_in_keyset_pages_without_gaps_or_repeats()
    {
        var calls = await SeedAsync(5);
        var client = api.CreateStaffClient("closer");
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/calls?leadId={_lead}&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(calls.Select(c => c.Id.ToString()), seen);
    }

    [Fact]
    public async Task The_outcome_filter_keeps_only_that_outcome()
    {
        await SeedAsync(4);

        var page = await api.CreateStaffClient("closer").GetFromJsonAsync<JsonElement>($"/api/calls?leadId={_lead}&outcome=voicemail");

        var outcomes = page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["voicemail", "voicemail"], outcomes);
    }

    [Theory]
    [InlineData("outcome=%7B%22%24gt%22%3A%22%22%7D", "outcome")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("from=yesterday", "from")]
    public async Task Bad_or_hostile_query_values_are_field_errors(string query, string field)
    {
        var response = await api.CreateStaffClient("closer").GetAsync($"/api/calls?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_call_and_a_missing_transcript_are_found_and_not_found()
    {
        var calls = await SeedAsync(1);
        var client = api.CreateStaffClient("closer");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/calls/{calls[0].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/calls/{calls[0].Id}/transcript")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/calls/not-an-id")).StatusCode);
    }

    [Fact]
    public async Task Compliance_audit_reads_are_for_admins_and_ops_only()
    {
        var closer = await api.CreateStaffClient("closer").GetAsync("/api/compliance/audit/dnc-imports");
        var ops = await api.CreateStaffClient("ops").GetAsync("/api/compliance/audit/dnc-imports");

        Assert.Equal(HttpStatusCode.Forbidden, closer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ops.StatusCode);
        var national = (await ops.Content.ReadFromJsonAsync<JsonElement>())[0];
        Assert.True(national.GetProperty("stale").GetBoolean(), "a registry never imported is stale");
    }

    [Fact]
    public async Task The_consent_log_audit_needs_a_lead_or_a_phone()
    {
        var response = await api.CreateStaffClient("ops").GetAsync("/api/compliance/audit/consent-log");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
