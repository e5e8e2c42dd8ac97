using MongoDB.Bson;
using NextLevel.Domain.Leads;
using NextLevel.Domain.Properties;

namespace NextLevel.Api.Leads;

/// <summary>One row of the lead list.</summary>
public sealed record LeadSummary(
    ObjectId Id, LeadSource Source, string ExternalId, DateTime ReceivedAt, string? FirstName, string? LastName, string? Email, string? Phone,
    string? City, string? State, LeadStatus Status, LeadStage Stage, double? Score, bool Qualified, ObjectId? CampaignId, string? CampaignName,
    IReadOnlyList<string> Tags, DateTime? NextFollowUp, DateTime? LastContactedAt)
{
    public static LeadSummary From(Lead l) => new(
        l.Id, l.Source, l.ExternalId, l.ReceivedAt, l.Contact.FirstName, l.Contact.LastName, l.Contact.Email, l.Contact.Phone,
        l.Contact.Address?.City, l.Contact.Address?.State, l.Status, l.Stage, l.Qualification?.Score, l.Qualification?.Qualified ?? false,
        l.CampaignId, l.CampaignName, l.Tags, l.NextFollowUp, l.LastContactedAt);
}

/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
/// <param name="Total">Leads matching the filters, only when asked with <c>total=true</c>.</param>
public sealed record LeadPage(IReadOnlyList<LeadSummary> Items, string? NextCursor, long? Total);

public sealed record PropertySummary(ObjectId Id, string Address, PropertyType? Type, int? Bedrooms, double? Bathrooms, int? SquareFeet,
    PropertyCondition? Condition, decimal? AfterRepairValue, decimal? WholesalePrice, decimal? ProfitMargin)
{
    public static PropertySummary From(Property p) => new(p.Id, p.Address.Formatted, p.Type, p.Bedrooms, p.Bathrooms, p.SquareFeet, p.Condition,
        p.Valuation?.AfterRepairValue, p.Valuation?.WholesalePrice, p.Valuation?.ProfitMargin);
}

public sealed record LeadDetail(Lead Lead, PropertySummary? Property, IReadOnlyList<TimelineEntry> Timeline);

/// <summary>A status and/or stage change; a missing field keeps its value.</summary>
public sealed record LeadStatusChange(LeadStatus? Status, LeadStage? Stage);

public sealed record NewLeadNote(string? Text);

public sealed record LeadTagsRequest(IReadOnlyList<string>? Tags);
