using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Leads.Normalization;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Intake.Providers;

/// <summary>
/// A Zillow lead: the fields of Zillow's public lead post callback (Zillow Rentals / HotPads,
/// application/x-www-form-urlencoded), also accepted as a JSON object with the same names (our contract for
/// Premier Agent relays, whose format is not public), plus our optional <c>leadId</c> and <c>intent</c>.
/// </summary>
public sealed class ZillowLead
{
    internal static readonly JsonSerializerOptions Json = new() { MaxDepth = 8 };

    [JsonPropertyName("leadId")] public string? LeadId { get; set; }
    [JsonPropertyName("listingId")] public string? ListingId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("phone")] public string? Phone { get; set; }
    [JsonPropertyName("movingDate")] public string? MovingDate { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("listingStreet")] public string? ListingStreet { get; set; }
    [JsonPropertyName("listingUnit")] public string? ListingUnit { get; set; }
    [JsonPropertyName("listingCity")] public string? ListingCity { get; set; }
    [JsonPropertyName("listingState")] public string? ListingState { get; set; }
    [JsonPropertyName("listingPostalCode")] public string? ListingPostalCode { get; set; }
    [JsonPropertyName("leadType")] public string? LeadType { get; set; }
    [JsonPropertyName("intent")] public string? Intent { get; set; }

    /// <summary>Reads the form-encoded body; a repeated field keeps its first value.</summary>
    internal static ZillowLead FromForm(string body)
    {
        var form = QueryHelpers.ParseQuery(body);
        string? Get(string key) => form.TryGetValue(key, out var v) && v.Count > 0 ? v[0] : null;
        return new ZillowLead
        {
            LeadId = Get("leadId"), ListingId = Get("listingId"), Name = Get("name"), Email = Get("email"), Phone = Get("phone"),
            MovingDate = Get("movingDate"), Message = Get("message"), ListingStreet = Get("listingStreet"), ListingUnit = Get("listingUnit"),
            ListingCity = Get("listingCity"), ListingState = Get("listingState"), ListingPostalCode = Get("listingPostalCode"),
            LeadType = Get("leadType"), Intent = Get("intent"),
        };
    }
}

internal static class ZillowLeadMapper
{
    /// <summary>
    /// Zillow's callback carries no lead id, so without our <c>leadId</c> the external id is a digest of what
    /// identifies the inquiry (listing, e-mail, phone, moving date, message, lead type): a repeated delivery
    /// of the same inquiry is the same lead.
    /// </summary>
    public static string ExternalIdOf(ZillowLead lead)
    {
        if (!string.IsNullOrWhiteSpace(lead.LeadId)) return lead.LeadId.Trim();
        var key = string.Join('\u001f', lead.ListingId?.Trim(), lead.Email?.Trim().ToLowerInvariant(), Digits(lead.Phone), lead.MovingDate?.Trim(), lead.Message?.Trim(), lead.LeadType?.Trim());
        return "h_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    public static LeadSubmission ToSubmission(ZillowLead lead) => new()
    {
        Source = LeadSource.Zillow,
        ExternalId = ExternalIdOf(lead),
        FullName = lead.Name,
        Email = lead.Email,
        Phone = lead.Phone,
        Address = new SubmittedAddress(lead.ListingStreet, lead.ListingCity, lead.ListingState, lead.ListingPostalCode, lead.ListingUnit),
        Intent = StoredEnum.TryParse<IntentType>(lead.Intent?.Trim().ToLowerInvariant(), out var intent) ? intent : IntentType.Buyer,
        Message = lead.Message,
        Tags = string.IsNullOrWhiteSpace(lead.LeadType) ? [] : [ProviderTag.Of("zillow_", lead.LeadType)],
    };

    private static string Digits(string? phone) => phone is null ? "" : new string(phone.Where(char.IsAsciiDigit).ToArray());
}
