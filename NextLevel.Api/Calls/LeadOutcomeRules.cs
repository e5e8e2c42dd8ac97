using NextLevel.Domain.Calls;
using NextLevel.Domain.Leads;

namespace NextLevel.Api.Calls;

/// <summary>The lead's status and stage after an answered AI call.</summary>
public sealed record LeadChange(LeadStatus Status, LeadStage Stage, DateTime? NextFollowUp);

/// <summary>
/// How a call's outcome moves the lead: qualified → qualified; callback → status and stage kept, next follow-up at the
/// time asked for; not_interested → nurturing when the campaign nurtures, else lost; wrong_number → lost. A new lead that
/// spoke with the agent becomes contacted. Converted and DNC leads are never moved by a call, and a stage never
/// moves back except to lost.
/// </summary>
public static class LeadOutcomeRules
{
    public static LeadChange Apply(LeadStatus status, LeadStage stage, DateTime? nextFollowUp, CallOutcome? outcome, bool spoke, bool campaignNurtures, DateTime? callbackAt)
    {
        if (status is LeadStatus.Converted or LeadStatus.Dnc) return new LeadChange(status, stage, nextFollowUp);

        return outcome switch
        {
            CallOutcome.Qualified => new LeadChange(LeadStatus.Qualified, Forward(stage, LeadStage.Qualified), nextFollowUp),
            CallOutcome.Callback => new LeadChange(status, stage, callbackAt ?? nextFollowUp),
            CallOutcome.NotInterested when campaignNurtures => new LeadChange(LeadStatus.Nurturing, Forward(stage, LeadStage.Contacted), nextFollowUp),
            CallOutcome.NotInterested or CallOutcome.WrongNumber => new LeadChange(LeadStatus.Lost, LeadStage.Lost, null),
            _ when spoke => new LeadChange(Contacted(status), Forward(stage, LeadStage.Contacted), nextFollowUp),
            _ => new LeadChange(status, stage, nextFollowUp),
        };
    }

    private static LeadStatus Contacted(LeadStatus status) => status == LeadStatus.New ? LeadStatus.Contacted : status;

    private static LeadStage Forward(LeadStage current, LeadStage target) =>
        current == LeadStage.Lost || current < target ? target : current;
}
