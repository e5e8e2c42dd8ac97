using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Leads.Normalization;
using NextLevel.Domain.Persistence;
using NextLevel.Domain.Properties;

namespace NextLevel.Api.Intake.Providers;

/// <summary>
/// Google Ads lead form webhook body (WebhookLead): JSON, property names read case-insensitively (Google's test
/// samples spell "Google_key"), a trailing comma tolerated (its production sample has one), unknown fields
/// ignored as Google asks for forward compatibility.
/// </summary>
public sealed class GoogleAdsLead
{
    internal static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, AllowTrailingCommas = true, MaxDepth = 16 };

    [JsonPropertyName("lead_id")] public string? LeadId { get; set; }
    [JsonPropertyName("api_version")] public string? ApiVersion { get; set; }
    [JsonPropertyName("form_id")] public long? FormId { get; set; }
    [JsonPropertyName("campaign_id")] public long? CampaignId { get; set; }
    [JsonPropertyName("adgroup_id")] public long? AdGroupId { get; set; }
    [JsonPropertyName("creative_id")] public long? CreativeId { get; set; }
    [JsonPropertyName("asset_group_id")] public long? AssetGroupId { get; set; }
    [JsonPropertyName("gcl_id")] public string? GclId { get; set; }
    [JsonPropertyName("is_test")] public bool? IsTest { get; set; }
    [JsonPropertyName("google_key")] public string? GoogleKey { get; set; }
    [JsonPropertyName("lead_stage")] public string? LeadStage { get; set; }
    [JsonPropertyName("lead_submit_time")] public string? LeadSubmitTime { get; set; }
    [JsonPropertyName("user_column_data")] public List<GoogleAdsColumn>? UserColumnData { get; set; }
}

public sealed class GoogleAdsColumn
{
    [JsonPropertyName("column_id")] public string? ColumnId { get; set; }
    [JsonPropertyName("column_name")] public string? ColumnName { get; set; }
    [JsonPropertyName("string_value")] public string? StringValue { get; set; }
}

/// <summary>Maps a Google Ads lead onto a <see cref="LeadSubmission"/> (column ids are LeadFormFieldUserInputType names).</summary>
internal static class GoogleAdsLeadMapper
{
    private static readonly HashSet<string> Affirmative = new(StringComparer.OrdinalIgnoreCase) { "yes", "true", "y", "1", "i agree", "agree", "accepted", "checked" };

    public static LeadSubmission ToSubmission(GoogleAdsLead payload, GoogleAdsOptions options, DateTime now, string? ipAddress, string? userAgent)
    {
        var columns = (payload.UserColumnData ?? []).Where(c => c is not null && !string.IsNullOrWhiteSpace(c.ColumnId)).ToList();
        string? Value(string id) => columns.FirstOrDefault(c => string.Equals(c.ColumnId, id, StringComparison.OrdinalIgnoreCase))?.StringValue;

        var custom = new StringBuilder();
        SubmittedConsent? consent = null;
        foreach (var column in columns)
        {
            if (string.Equals(column.ColumnId, options.ConsentColumnId, StringComparison.OrdinalIgnoreCase))
            {
                // Written consent only when the person ticked an explicit consent question whose text we have.
                if (!string.IsNullOrWhiteSpace(column.ColumnName) && Affirmative.Contains(column.StringValue?.Trim() ?? ""))
                    consent = new SubmittedConsent(column.ColumnName, ConsentMethod.WebForm, $"google_ads_form:{payload.FormId}", true, true, now, ipAddress, userAgent);
                continue;
            }
            if (Known.Contains(column.ColumnId!)) continue;
            custom.Append(column.ColumnName ?? column.ColumnId).Append(": ").Append(column.StringValue).Append('\n');
        }

        return new LeadSubmission
        {
            Source = LeadSource.GoogleAds,
            ExternalId = payload.LeadId ?? "",
            FullName = Value("FULL_NAME"),
            FirstName = Value("FIRST_NAME"),
            LastName = Value("LAST_NAME"),
            Email = Value("EMAIL") ?? Value("WORK_EMAIL"),
            Phone = Value("PHONE_NUMBER") ?? Value("WORK_PHONE"),
            AlternatePhone = Value("PHONE_NUMBER") is null ? null : Value("WORK_PHONE"),
            Address = new SubmittedAddress(Value("STREET_ADDRESS"), Value("CITY"), Value("REGION"), Value("POSTAL_CODE")),
            Intent = StoredEnum.TryParse<IntentType>(options.Intent, out var intent) ? intent : IntentType.Seller,
            Timeframe = Value("PURCHASE_TIMELINE"),
            PropertyType = PropertyTypeOf(Value("PROPERTY_TYPE")),
            Message = custom.Length == 0 ? null : custom.ToString().TrimEnd(),
            Tags = payload.FormId is { } form ? [$"google_form_{form}"] : [],
            Consent = consent,
        };
    }

    /// <summary>Free-text property types ("Single family home", "Condo"...) onto ours; unknown text → null.</summary>
    internal static PropertyType? PropertyTypeOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.ToLowerInvariant();
        if (t.Contains("multi") || t.Contains("duplex") || t.Contains("plex")) return PropertyType.MultiFamily;
        if (t.Contains("condo") || t.Contains("apartment")) return PropertyType.Condo;
        if (t.Contains("town")) return PropertyType.Townhouse;
        if (t.Contains("single") || t.Contains("house") || t.Contains("sfr")) return PropertyType.SingleFamily;
        return null;
    }

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "FULL_NAME", "FIRST_NAME", "LAST_NAME", "EMAIL", "WORK_EMAIL", "PHONE_NUMBER", "WORK_PHONE",
        "STREET_ADDRESS", "CITY", "REGION", "POSTAL_CODE", "COUNTRY", "PURCHASE_TIMELINE", "PROPERTY_TYPE",
    };
}
