using System.Text.Json;
using System.Text.Json.Serialization;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Leads.Normalization;

namespace NextLevel.Api.Intake.Providers;

/// <summary>A Real Geeks Lead Router outgoing-leads body (JSON, signed with X-Lead-Router-Signature). Unknown keys are ignored.</summary>
public sealed class RealGeeksLead
{
    internal static readonly JsonSerializerOptions Json = new() { MaxDepth = 16 };

    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("action")] public string? Action { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("source_details")] public string? SourceDetails { get; set; }
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }
    [JsonPropertyName("last_name")] public string? LastName { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("phone")] public string? Phone { get; set; }
    [JsonPropertyName("phone2")] public string? Phone2 { get; set; }
    [JsonPropertyName("address")] public string? Address { get; set; }
    [JsonPropertyName("street_address")] public string? StreetAddress { get; set; }
    [JsonPropertyName("city")] public string? City { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("zip")] public string? Zip { get; set; }
    [JsonPropertyName("role")] public string? Role { get; set; }
    [JsonPropertyName("partner_id")] public string? PartnerId { get; set; }
    [JsonPropertyName("site_uuid")] public string? SiteUuid { get; set; }
    [JsonPropertyName("activities")] public List<RealGeeksActivity>? Activities { get; set; }
}

public sealed class RealGeeksActivity
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("created")] public string? Created { get; set; }
}

internal static class RealGeeksLeadMapper
{
    /// <summary>Real Geeks ids are UUIDs sent with or without dashes: compared without them, lower-case.</summary>
    public static string ExternalIdOf(string? id) => (id ?? "").Trim().Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

    public static LeadSubmission ToSubmission(RealGeeksLead lead) => new()
    {
        Source = LeadSource.RealGeeks,
        ExternalId = ExternalIdOf(lead.Id),
        FirstName = lead.FirstName,
        LastName = lead.LastName,
        Email = lead.Email,
        Phone = lead.Phone,
        AlternatePhone = lead.Phone2,
        Address = new SubmittedAddress(lead.StreetAddress ?? lead.Address, lead.City, lead.State, lead.Zip),
        Intent = IntentOf(lead.Role),
        Message = lead.Activities?.Select(a => a?.Description).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d)),
        Tags = string.IsNullOrWhiteSpace(lead.Source) ? [] : [ProviderTag.Of("rg_", lead.Source)],
    };

    /// <summary>"Seller", "Potential Seller", "Buyer and Seller" → seller; "Buyer", "Renter" → buyer.</summary>
    internal static IntentType? IntentOf(string? role)
    {
        if (string.IsNullOrWhiteSpace(role)) return null;
        if (role.Contains("seller", StringComparison.OrdinalIgnoreCase)) return IntentType.Seller;
        if (role.Contains("buyer", StringComparison.OrdinalIgnoreCase) || role.Contains("renter", StringComparison.OrdinalIgnoreCase)) return IntentType.Buyer;
        return null;
    }
}
