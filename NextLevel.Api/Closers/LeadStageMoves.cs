using MongoDB.Driver;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Closers;

/// <summary>
/// Moves a lead forward when a visit, an offer or a deal says so — through <see cref="LeadLifecycle"/>, never
/// backwards (a visit booked for a lead already negotiating leaves the stage alone).
/// </summary>
internal static class LeadStageMoves
{
    /// <summary>The change (status, stage) that <paramref name="target"/> needs, or null when the lead stays as it is.</summary>
    public static (LeadStatus Status, LeadStage Stage)? Plan(Lead lead, LeadStage target)
    {
        if (lead.Stage == target || target == LeadStage.Lost || !LeadLifecycle.CanChangeStage(lead.Stage, target)) return null;
        LeadStatus? status = target == LeadStage.Closed ? LeadStatus.Converted : null;
        var from = lead.Status;
        // A closed deal converts the lead; a lead not yet marked qualified passes through qualified on the way.
        if (status is not null && !LeadLifecycle.CanChangeStatus(from, LeadStatus.Converted) && LeadLifecycle.CanChangeStatus(from, LeadStatus.Qualified))
            from = LeadStatus.Qualified;
        return LeadLifecycle.Check(from, lead.Stage, status, target).Count == 0 ? (status ?? lead.Status, target) : null;
    }

    /// <summary>Why the lead cannot take part in a visit, offer or deal (it is lost, or closing is not allowed), or null.</summary>
    public static string? Blocker(Lead lead, LeadStage target)
    {
        if (lead.Stage == LeadStage.Lost)
            return "The lead is lost; reopen it (stage contacted) first.";
        if (target == LeadStage.Closed && lead.Stage != LeadStage.Closed && Plan(lead, target) is null)
            return $"A lead with status {Domain.Persistence.StoredEnum.Name(lead.Status)} at stage {Domain.Persistence.StoredEnum.Name(lead.Stage)} cannot be closed.";
        return null;
    }

    public static async Task AdvanceAsync(IMongoCollection<Lead> leads, Lead lead, LeadStage target, string userId, DateTime now, CancellationToken cancellationToken)
    {
        if (Plan(lead, target) is not { } change) return;
        await leads.UpdateOneAsync(l => l.Id == lead.Id && l.Stage == lead.Stage && l.Status == lead.Status,
            Builders<Lead>.Update.Set(l => l.Stage, change.Stage).Set(l => l.Status, change.Status).Set(l => l.UpdatedAt, now).Set(l => l.UpdatedBy, userId),
            cancellationToken: cancellationToken);
    }
}
