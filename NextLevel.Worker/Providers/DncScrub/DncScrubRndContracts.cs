using System.Text.Json;
using System.Text.Json.Serialization;

namespace NextLevel.Worker.Providers.DncScrub;

/// <summary>One answer of RND Basic: <c>{"PhoneNumber": "7075276405", "IsReassigned": false, "HasSafeHarbor": true}</c>.
/// IsReassigned is true/1 (reassigned), false/0 (not), null or blank (insufficient data).</summary>
internal sealed class RndBasicResult
{
    public string? PhoneNumber { get; set; }

    public JsonElement IsReassigned { get; set; }

    public JsonElement HasSafeHarbor { get; set; }
}

/// <summary>The batch (POST) body: <c>{"data": [{"phoneNumber": "…", "date": "YYYYMMDD"}], "useSandbox": false}</c>.</summary>
internal sealed record RndBasicBatchRequest(
    [property: JsonPropertyName("data")] IReadOnlyList<RndBasicBatchItem> Data,
    [property: JsonPropertyName("useSandbox"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool UseSandbox);

internal sealed record RndBasicBatchItem(
    [property: JsonPropertyName("phoneNumber")] string PhoneNumber,
    [property: JsonPropertyName("date")] string Date);
