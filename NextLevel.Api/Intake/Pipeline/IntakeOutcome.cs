using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;

namespace NextLevel.Api.Intake.Pipeline;

/// <summary>What intake answers: the lead (new or the one already stored for this source and external id).</summary>
public sealed record IntakeResponse(
    string Id,
    bool Duplicate,
    string Source,
    string ExternalId,
    string Status,
    string? CampaignId,
    DateTime? NextFollowUp,
    double? Score,
    bool? Qualified)
{
    internal static IntakeResponse From(Lead lead, bool duplicate) => new(
        lead.Id.ToString(),
        duplicate,
        StoredEnum.Name(lead.Source),
        lead.ExternalId,
        StoredEnum.Name(lead.Status),
        lead.CampaignId?.ToString(),
        lead.NextFollowUp,
        lead.Qualification?.Score,
        lead.Qualification?.Qualified);
}
