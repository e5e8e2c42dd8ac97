namespace NextLevel.Domain.Leads;

/// <summary>
/// Which status and stage changes staff may make (the seed's lifecycle). Status: new → contacted → qualified →
/// converted, with nurturing and lost as side tracks; converted is final; dnc is set and cleared only by compliance.
/// Stage: forward only along new → contacted → qualified → site_visit → offer_made → negotiation → closed, to lost
/// from any open stage, and from lost back to contacted (a reopened lead). Together: converted ⇔ closed, and
/// stage lost needs status lost.
/// </summary>
public static class LeadLifecycle
{
    private static readonly Dictionary<LeadStatus, LeadStatus[]> StatusMoves = new()
    {
        [LeadStatus.New] = [LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Nurturing, LeadStatus.Lost],
        [LeadStatus.Contacted] = [LeadStatus.Qualified, LeadStatus.Nurturing, LeadStatus.Lost],
        [LeadStatus.Qualified] = [LeadStatus.Nurturing, LeadStatus.Converted, LeadStatus.Lost],
        [LeadStatus.Nurturing] = [LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Converted, LeadStatus.Lost],
        [LeadStatus.Lost] = [LeadStatus.Nurturing, LeadStatus.Contacted],
        [LeadStatus.Converted] = [],
        [LeadStatus.Dnc] = [],
    };

    private static readonly LeadStage[] Pipeline =
        [LeadStage.New, LeadStage.Contacted, LeadStage.Qualified, LeadStage.SiteVisit, LeadStage.OfferMade, LeadStage.Negotiation, LeadStage.Closed];

    public static bool CanChangeStatus(LeadStatus from, LeadStatus to) => from == to || StatusMoves[from].Contains(to);

    public static bool CanChangeStage(LeadStage from, LeadStage to)
    {
        if (from == to) return true;
        if (from == LeadStage.Closed) return false;
        if (to == LeadStage.Lost) return true;
        if (from == LeadStage.Lost) return to == LeadStage.Contacted;
        return Array.IndexOf(Pipeline, to) > Array.IndexOf(Pipeline, from);
    }

    /// <summary>
    /// Checks a requested change; returns field ("status"/"stage") → reasons, empty when allowed.
    /// A null request keeps the current value.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> Check(LeadStatus status, LeadStage stage, LeadStatus? newStatus, LeadStage? newStage)
    {
        var errors = new Dictionary<string, string[]>();
        var targetStatus = newStatus ?? status;
        var targetStage = newStage ?? stage;

        if (newStatus is { } requested && requested != status)
        {
            if (requested == LeadStatus.Dnc) errors["status"] = ["A lead is put on Do-Not-Call only through compliance (consent revocation or the internal DNC list)."];
            else if (status == LeadStatus.Dnc) errors["status"] = ["A Do-Not-Call lead changes status only through compliance."];
            else if (!CanChangeStatus(status, requested))
                errors["status"] = [$"Status cannot change from {Persistence.StoredEnum.Name(status)} to {Persistence.StoredEnum.Name(requested)}."];
        }
        if (newStage is { } stageRequested && stageRequested != stage && !CanChangeStage(stage, stageRequested))
            errors["stage"] = [$"Stage cannot change from {Persistence.StoredEnum.Name(stage)} to {Persistence.StoredEnum.Name(stageRequested)}."];

        if (errors.Count > 0) return errors;
        if (targetStatus == LeadStatus.Converted && targetStage != LeadStage.Closed)
            errors["status"] = ["A lead is converted only when its stage is closed."];
        else if (targetStage == LeadStage.Closed && targetStatus != LeadStatus.Converted)
            errors["stage"] = ["A closed deal needs the status converted."];
        else if (targetStage == LeadStage.Lost && targetStatus is not (LeadStatus.Lost or LeadStatus.Dnc))
            errors["stage"] = ["Stage lost needs the status lost."];
        return errors;
    }
}
