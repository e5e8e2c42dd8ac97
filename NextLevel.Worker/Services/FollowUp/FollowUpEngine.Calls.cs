using MongoDB.Bson;
using MongoDB.Driver;
using NextLevel.Domain.Calls;
using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;

namespace NextLevel.Worker.Services.FollowUp;
/// <summary>The calls documents of handed-off calls, written together for the steps in flight.</summary>
public sealed partial class FollowUpEngine
{
    private async Task InsertCallAsync(Lead lead, Campaign campaign, ObjectId attemptId, ProviderReceipt receipt, GateDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // initiatedAt is the moment the provider accepted the call (the hand-off), not when the step began.
        var handedOff = time.GetUtcNow().UtcDateTime;
        var call = new Call
        {
            Id = attemptId,
            CallSid = receipt.ProviderId,
            ConversationId = receipt.ConversationId,
            LeadId = lead.Id,
            ContactPhone = lead.Contact.Phone!,
            FromPhone = options.Value.FromNumber,
            InitiatedAt = handedOff,
            Direction = CallDirection.Outbound,
            Type = CallType.Automated,
            CampaignId = campaign.Id,
            Status = CallStatus.Initiated,
            ConsentVerified = decision.ConsentLogId is not null,
            DncChecked = decision.DncCheckedAt is not null,
            ComplianceNotes = $"gate allowed at {decision.EvaluatedAt:O}; callee local time {decision.CalleeLocalTime} ({decision.CalleeTimeZone})",
            CreatedAt = handedOff,
            UpdatedAt = handedOff,
            CreatedBy = "worker",
            UpdatedBy = "worker",
        };
        await CallInserts.SubmitAsync(call, cancellationToken);
    }

    /// <summary>Inserts the group's calls documents in one unordered insertMany. A duplicate id means the provider's
    /// webhook (or an earlier try) recorded the call first, which is as good; any other error fails that call's step.</summary>
    private async Task WriteCallsAsync(IReadOnlyList<GroupCommit<Call, bool>.Pending> group)
    {
        try
        {
            await _calls.InsertManyAsync(group.Select(p => p.Request), new InsertManyOptions { IsOrdered = false });
        }
        catch (MongoBulkWriteException<Call> ex)
        {
            foreach (var error in ex.WriteErrors.Where(e => e.Category != ServerErrorCategory.DuplicateKey))
                group[error.Index].Fail(new InvalidOperationException($"calls insert failed for call {group[error.Index].Request.Id}: code {error.Code}"));
        }
        foreach (var pending in group) pending.Complete(true);
    }
}
