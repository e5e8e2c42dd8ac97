using NextLevel.Domain.Leads;
using NextLevel.Domain.Persistence;
using static NextLevel.Domain.Compliance.ComplianceReasonCodes;

namespace NextLevel.Domain.Compliance.Reassigned;

/// <summary>
/// The gate's Reassigned Numbers Database rules (47 CFR 64.1200(m); docs/compliance.md). Pure, like the gate.
/// <list type="bullet">
/// <item>A "reassigned" answer recorded at or after a consent was given voids that consent for the number: automated
/// calls and texts are blocked (<c>number_reassigned</c>) and it no longer lifts the DNC lists.</item>
/// <item>A consent older than <c>consentAgeDays</c> needs a check covering it (queried with a date no later than the
/// consent, made after it) no older than <c>recheckIntervalDays</c> before an automated call or text
/// (<c>reassigned_check_required</c>).</item>
/// <item>A "no data" answer follows <c>noDataPolicy</c> (<c>reassigned_check_no_data</c>).</item>
/// </list>
/// </summary>
internal static class ReassignedNumberRules
{
    internal sealed record Status(ReassignedCheckFacts Facts, ComplianceReason? Voids, ComplianceReason? Blocks);

    public static Status Evaluate(ComplianceFacts facts, Lead lead, ConsentLog? grant, ContactChannel channel, DateTimeOffset at)
    {
        if (grant is null || string.IsNullOrEmpty(lead.Contact.Phone) || !channel.IsTelephone())
            return new Status(new ReassignedCheckFacts(false, null, null, null, null), null, null);

        var policy = facts.Policy.ReassignedRules;
        var known = at > facts.ReadAt ? at : facts.ReadAt;
        var checks = facts.ConsentEvents
            .Where(e => e.EventType == ConsentEventType.ReassignedNumberCheck && e.ReassignedCheck is not null
                && string.Equals(e.Phone, lead.Contact.Phone, StringComparison.Ordinal)
                && e.Timestamp <= known.UtcDateTime && e.Timestamp >= grant.Timestamp)
            .DistinctBy(e => e.Id)
            .OrderBy(e => (e.Timestamp, e.Id))
            .ToList();
        var consentDate = new DateTimeOffset(DateTime.SpecifyKind(grant.Timestamp, DateTimeKind.Utc));

        var reassigned = checks.LastOrDefault(e => e.ReassignedCheck!.Result == ReassignedCheckResult.Reassigned);
        if (reassigned is not null)
        {
            var reason = new ComplianceReason(NumberReassigned,
                $"The Reassigned Numbers Database reported the number disconnected or reassigned since the consent of {consentDate:yyyy-MM-dd} (checked {reassigned.Timestamp:yyyy-MM-dd}); that consent no longer covers the number.");
            return new Status(Describe(false, consentDate, reassigned), reason, null);
        }

        var covering = checks.LastOrDefault(e => e.ReassignedCheck!.ConsentDate.Date <= grant.Timestamp.Date);
        var needsCheck = at - consentDate > TimeSpan.FromDays(policy.ConsentAgeDays);
        var fresh = covering is not null && at.UtcDateTime - covering.Timestamp <= TimeSpan.FromDays(policy.RecheckIntervalDays);
        var automated = channel is ContactChannel.AutomatedCall or ContactChannel.Sms;
        if (needsCheck && !fresh)
        {
            var reason = automated
                ? new ComplianceReason(ReassignedCheckRequired,
                    $"The consent is older than {policy.ConsentAgeDays} days and the number has no Reassigned Numbers Database check in the last {policy.RecheckIntervalDays} days; an automated call or text waits for one.")
                : null;
            return new Status(Describe(true, consentDate, covering), null, reason);
        }

        ComplianceReason? noData = covering?.ReassignedCheck!.Result == ReassignedCheckResult.NoData && policy.NoDataBlocks(channel)
            ? new ComplianceReason(ReassignedCheckNoData,
                $"The Reassigned Numbers Database has no data for the number since the consent date; policy {StoredEnum.Name(policy.NoDataPolicy)} blocks {ComplianceGate.Describe(channel)}.")
            : null;
        return new Status(Describe(false, consentDate, covering), null, noData);
    }

    private static ReassignedCheckFacts Describe(bool due, DateTimeOffset consentDate, ConsentLog? used) => new(
        due,
        consentDate,
        used is null ? null : StoredEnum.Name(used.ReassignedCheck!.Result),
        used is null ? null : new DateTimeOffset(DateTime.SpecifyKind(used.ReassignedCheck!.CheckedAt, DateTimeKind.Utc)),
        used?.Id.ToString());
}
