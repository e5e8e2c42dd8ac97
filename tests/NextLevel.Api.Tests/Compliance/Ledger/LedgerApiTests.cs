using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Api.Tests.Infrastructure;
using NextLevel.Api.Tools;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Tests.Compliance.Ledger;

/// <summary>GET /api/compliance/ledger/verify, POST /api/compliance/ledger/anchors and the verify-ledger command.</summary>
public sealed class LedgerApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static int _next = 100;

    private static string NewPhone() => "+1206555" + Interlocked.Increment(ref _next).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<ConsentLog>> AppendAsync(string phone, int count)
    {
        var ledger = new ConsentLedger(api.Database);
        var entries = new List<ConsentLog>();
        for (var i = 0; i < count; i++)
            entries.Add(await ledger.AppendAsync(new ConsentLog { Phone = phone, EventType = ConsentEventType.ConsentGranted, Timestamp = api.Clock.GetUtcNow().UtcDateTime, RecordedBy = "staff" }));
        return entries;
    }

    private Task TamperAsync(ObjectId id) => api.Database.GetCollection<BsonDocument>(CollectionNames.ConsentLogs)
        .UpdateOneAsync(new BsonDocument("_id", id), new BsonDocument("$set", new BsonDocument("consentDetails", new BsonDocument("consentText", "edited"))));

    private static async Task<JsonElement> VerifyAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Verify_reports_a_valid_chain_for_a_phone()
    {
        var phone = NewPhone();
        await AppendAsync(phone, 3);
        using var client = api.CreateStaffClient("admin");

        var body = await VerifyAsync(client, "/api/compliance/ledger/verify?phone=" + Uri.EscapeDataString(phone));

        Assert.True(body.GetProperty("valid").GetBoolean());
        Assert.Equal(1, body.GetProperty("chainsChecked").GetInt32());
        Assert.Equal(3, body.GetProperty("entriesChecked").GetInt64());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("firstMismatch").ValueKind);
        Assert.True(body.TryGetProperty("anchorsChecked", out _));
    }

    [Fact]
    public async Task Verify_names_the_entry_edited_in_the_database()
    {
        var phone = NewPhone();
        var entries = await AppendAsync(phone, 4);
        await TamperAsync(entries[1].Id);
        using var client = api.CreateStaffClient("ops");

        var body = await VerifyAsync(client, "/api/compliance/ledger/verify?phone=" + Uri.EscapeDataString(phone));

        Assert.False(body.GetProperty("valid").GetBoolean());
        var mismatch = body.GetProperty("firstMismatch");
        Assert.Equal(entries[1].Id.ToString(), mismatch.GetProperty("entryId").GetString());
        Assert.Equal(phone, mismatch.GetProperty("chainKey").GetString());
        Assert.Equal(1, mismatch.GetProperty("sequence").GetInt64());
        Assert.Equal("hash_mismatch", mismatch.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Verify_without_a_phone_checks_every_chain()
    {
        await AppendAsync(NewPhone(), 2);
        await AppendAsync(NewPhone(), 1);
        using var client = api.CreateStaffClient("admin");

        var body = await VerifyAsync(client, "/api/compliance/ledger/verify");

        Assert.True(body.GetProperty("chainsChecked").GetInt32() >= 2);
        Assert.True(body.GetProperty("entriesChecked").GetInt64() >= 3);
    }

    [Theory]
    [InlineData("not-a-phone")]
    [InlineData("{\"$gt\":\"\"}")]
    [InlineData("12")]
    public async Task A_malformed_phone_is_a_validation_problem(string phone)
    {
        using var client = api.CreateStaffClient("admin");

        var response = await client.GetAsync("/api/compliance/ledger/verify?phone=" + Uri.EscapeDataString(phone));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("phone", out _));
    }

    [Theory]
    [InlineData("closer", "GET", "/api/compliance/ledger/verify")]
    [InlineData("campaign_manager", "POST", "/api/compliance/ledger/anchors")]
    public async Task Staff_outside_compliance_are_refused(string role, string method, string url)
    {
        using var client = api.CreateStaffClient(role);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_requests_are_refused()
    {
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/compliance/ledger/verify")).StatusCode);
    }

    [Fact]
    public async Task An_anchor_is_written_on_demand_once_a_day()
    {
        await AppendAsync(NewPhone(), 1);
        using var client = api.CreateStaffClient("admin");

        var first = await (await client.PostAsync("/api/compliance/ledger/anchors", null)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await client.PostAsync("/api/compliance/ledger/anchors", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("consent_ledger_anchor:2026-03-02", first.GetProperty("id").GetString());
        Assert.False(second.GetProperty("written").GetBoolean());
        Assert.Equal(first.GetProperty("rootHash").GetString(), second.GetProperty("rootHash").GetString());
        var stored = await api.Database.GetCollection<BsonDocument>(CollectionNames.SystemConfig).Find(new BsonDocument("_id", "consent_ledger_anchor:2026-03-02")).SingleAsync();
        Assert.Equal(first.GetProperty("rootHash").GetString(), stored["value"]["rootHash"].AsString);
    }

    [Fact]
    public async Task The_command_exits_0_for_a_valid_chain_and_1_naming_the_edited_entry_with_the_phone_masked()
    {
        var phone = NewPhone();
        var entries = await AppendAsync(phone, 3);
        var valid = new StringWriter();
        var validCode = await LedgerCommand.VerifyAsync(["--phone", phone], () => api.Database, valid, default);

        await TamperAsync(entries[2].Id);
        var invalid = new StringWriter();
        var invalidCode = await LedgerCommand.VerifyAsync(["--phone", phone], () => api.Database, invalid, default);

        Assert.Equal((0, 1), (validCode, invalidCode));
        Assert.Contains("ledger valid", valid.ToString(), StringComparison.Ordinal);
        Assert.Contains($"entry {entries[2].Id} chain {new string('*', phone.Length - 4)}{phone[^4..]} sequence 2 reason hash_mismatch", invalid.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(phone, valid.ToString() + invalid.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(phone[2..], valid.ToString() + invalid.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--phone")]
    [InlineData("--phone", "nonsense")]
    [InlineData("--verbose")]
    public async Task The_command_refuses_bad_arguments_with_exit_code_2(params string[] args)
    {
        var output = new StringWriter();

        Assert.Equal(2, await LedgerCommand.VerifyAsync(args, () => api.Database, output, default));
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task The_api_command_line_knows_verify_ledger_and_reports_a_usage_error_before_touching_the_database()
    {
        Assert.Equal(2, await ApiCommandLine.TryRunAsync(["verify-ledger", "--phone", "not-a-number"]));
    }
}
