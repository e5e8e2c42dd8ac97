using System.Text.Json.Nodes;

namespace NextLevel.Api.Tests.Intake;

/// <summary>Provider payloads shaped as each provider documents them, with unique ids and phones per call.</summary>
internal static class IntakePayloads
{
    private static int _sequence;

    /// <summary>A fresh valid US number in the 206 area code, different on every call.</summary>
    public static string NewPhoneDigits() => $"206{Random.Shared.Next(200, 999)}{Interlocked.Increment(ref _sequence) % 10000:D4}";

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static JsonObject GoogleLead(string leadId, string phone, string key = IntakeFixture.GoogleKey, bool isTest = false, string? email = null, params (string Id, string Name, string Value)[] extra)
    {
        var columns = new JsonArray
        {
            Column("FULL_NAME", "Full Name", "Pat Owner"),
            Column("PHONE_NUMBER", "User Phone", phone),
            Column("EMAIL", "User Email", email ?? $"Owner.{leadId[^6..]}@Example.com "),
            Column("STREET_ADDRESS", "Street address", $"{Random.Shared.Next(1, 99999)}  Pine St"),
            Column("CITY", "City", "Seattle"),
            Column("REGION", "State", "wa"),
            Column("POSTAL_CODE", "Zip", "98101"),
        };
        foreach (var (id, name, value) in extra) columns.Add(Column(id, name, value));
        return new JsonObject
        {
            ["lead_id"] = leadId,
            ["api_version"] = "1.0",
            ["form_id"] = 123456789,
            ["campaign_id"] = 123456,
            ["adgroup_id"] = 0,
            ["creative_id"] = 0,
            ["gcl_id"] = "Cj0KCQjwit_8BRCoARIsAIx3Rj7g",
            ["user_column_data"] = columns,
            ["google_key"] = key,
            ["is_test"] = isTest,
        };
    }

    public static string ZillowForm(string listingId, string phone, string email) =>
        $"listingId={listingId}&name=Rachel%20Lee&email={Uri.EscapeDataString(email)}&phone={phone}&movingDate=20260926&numBedroomsSought=3&numBathroomsSought=2" +
        "&message=Looking%20for%20a%203%20bedroom%20house&listingStreet=246%20Tennessee%20Avenue&listingUnit=C102&listingCity=Sunnyvale&listingPostalCode=94086&listingState=CA&leadType=tourRequest";

    public static JsonObject RealGeeksLead(string id, string phone, string email) => new()
    {
        ["agent_name"] = "Ben Harper",
        ["first_name"] = "Jack",
        ["last_name"] = "Johnson",
        ["site_domain"] = "www.mysite.com",
        ["activities"] = new JsonArray(new JsonObject { ["source"] = "Website", ["type"] = "visited", ["description"] = "First visit", ["created"] = "2015-10-01T06:14:01.632792Z" }),
        ["created"] = "2015-10-01T06:14:01.597026Z",
        ["id"] = id,
        ["phone"] = phone,
        ["email"] = email,
        ["street_address"] = "77 Ocean Ave",
        ["city"] = "Miami",
        ["state"] = "FL",
        ["zip"] = "33139",
        ["source"] = "Website Property Search",
        ["action"] = "created",
        ["role"] = "Seller",
        ["partner_id"] = "ffffffffuuuuuuuuuu",
    };

    private static JsonObject Column(string id, string name, string value) => new() { ["column_id"] = id, ["column_name"] = name, ["string_value"] = value };
}
