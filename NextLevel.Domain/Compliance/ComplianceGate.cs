using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Domain.Leads;
using static NextLevel.Domain.Compliance.ComplianceReasonCodes;

namespace NextLevel.Domain.Compliance;

/// <summary>
/// The compliance gate: a pure function from facts, channel and instant to a decision with every reason.
/// No I/O, no clock: the same facts always give the same decision, so a stored decision can be re-derived later.
/// Rules and codes: docs/compliance.md.
/// </summary>
public static partial class ComplianceGate
{
    public static ComplianceDecision Evaluate(ComplianceFacts facts, ContactChannel channel, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var reasons = new List<ComplianceReason>();
        var lead = facts.Lead;
        if (lead is null)
        {
            reasons.Add(new(LeadNotFound, "The lead does not exist."));
            return new ComplianceDecision(false, reasons, null, null, null, null, null, false, facts.ReadAt);
        }

        return channel == ContactChannel.Email
            ? EvaluateEmail(facts, lead, at, reasons)
            : EvaluateTelephone(facts, lead, channel, at, reasons);
    }

    private static ComplianceDecision EvaluateEmail(ComplianceFacts facts, Lead lead, DateTimeOffset at, List<ComplianceReason> reasons)
    {
        if (string.IsNullOrWhiteSpace(lead.Contact.Email)) reasons.Add(new(NoEmail, "The lead has no e-mail address."));
        if (ConsentHistory.EmailOptedOut(facts.ConsentEvents, at))
            reasons.Add(new(EmailOptedOut, "The person opted out of e-mail (CAN-SPAM); no e-mail until they give consent again."));
        var allowed = reasons.Count == 0;
        return new ComplianceDecision(allowed, reasons, allowed ? at : null, null, null, null, null, false, facts.ReadAt);
    }

    private static ComplianceDecision EvaluateTelephone(ComplianceFacts facts, Lead lead, ContactChannel channel, DateTimeOffset at, List<ComplianceReason> reasons)
    {
        var location = CalleeLocation.Resolve(lead.Contact.Phone, Address(lead.Contact.Address), facts.PropertyAddress);
        var (consent, reassigned) = TelephoneReasons(facts, lead, channel, at, location, reasons);
        var allowed = reasons.Count == 0;
        // Waiting helps only when every reason is time-based; the next time must then pass every rule, not only
        // the time rules (consent may expire or the national list copy go stale in between).
        DateTimeOffset? next = allowed ? at
            : reasons.All(r => TimeBased.Contains(r.Code)) ? TimeRules.NextAllowed(facts, location, at, t => Passes(facts, lead, channel, t, location))
            : null;
        var recording = channel != ContactChannel.Sms && location.States.Any(Data.States.AllPartyRecordingConsent.Contains);
        return new ComplianceDecision(
            allowed, reasons, next, consent.Grant?.Id.ToString(), facts.ReadAt,
            location.Zones.Count > 0 ? location.ZoneIds : null,
            location.Zones.Count > 0 ? location.LocalTimes(at) : null,
            recording, facts.ReadAt, reassigned);
    }

    private static bool Passes(ComplianceFacts facts, Lead lead, ContactChannel channel, DateTimeOffset at, CalleeLocation location)
    {
        var reasons = new List<ComplianceReason>();
        TelephoneReasons(facts, lead, channel, at, location, reasons);
        // A reassigned-number check falling due by then is run by the Worker at send time, so it does not make a later
        // instant unreachable (otherwise a consent ageing past the check age overnight would end the sequence).
        return reasons.All(r => r.Code == ReassignedCheckRequired);
    }

    private static (ConsentStatus Consent, ReassignedCheckFacts Reassigned) TelephoneReasons(ComplianceFacts facts, Lead lead, ContactChannel channel, DateTimeOffset at, CalleeLocation location, List<ComplianceReason> reasons)
    {
        if (string.IsNullOrWhiteSpace(lead.Contact.Phone)) reasons.Add(new(NoPhone, "The lead has no phone number."));
        if (location.Zones.Count == 0)
            reasons.Add(new(CalleeTimeZoneUnknown, "The callee's time zone cannot be determined from the area code or an address; no call or text may be placed."));

        var consent = ConsentHistory.Evaluate(facts, lead, channel, at);
        // A "reassigned" answer voids the consent for the number (automated channels blocked, no DNC exception).
        var reassigned = ReassignedNumberRules.Evaluate(facts, lead, consent.Grant, channel, at);
        if (reassigned.Voids is { } voids) consent = consent with { Problems = [.. consent.Problems, voids] };
        CheckConsent(channel, consent, reasons);
        if (reassigned.Blocks is { } blocks) reasons.Add(blocks);
        CheckDnc(facts, lead, consent, at, reasons);
        CheckNationalListAge(facts, at, reasons);
        if (location.Zones.Count > 0)
            reasons.AddRange(TimeRules.Check(facts, location, at));
        return (consent, reassigned.Facts);
    }

    /// <summary>Automated calls and texts need valid prior express written consent for that channel.</summary>
    private static void CheckConsent(ContactChannel channel, ConsentStatus consent, List<ComplianceReason> reasons)
    {
        if (consent.RevokedForChannel)
        {
            reasons.Add(new(ConsentRevoked, $"The person revoked consent for {Describe(channel)}; no {Describe(channel)} until they give written consent again."));
            return;
        }
        if (channel == ContactChannel.ManualCall) return;
        reasons.AddRange(consent.Problems);
    }

    private static void CheckDnc(ComplianceFacts facts, Lead lead, ConsentStatus consent, DateTimeOffset at, List<ComplianceReason> reasons)
    {
        var inForce = facts.DncEntries.Where(e => e.InForceAt(at)).ToList();
        if (lead.DncStatus.InternalDNC || inForce.Any(e => e.Source == DncSource.Internal))
            reasons.Add(new(InternalDnc, "The number is on our internal Do-Not-Call list; no call or text on any telephone channel."));
        if (inForce.Any(e => e.Source == DncSource.Litigator))
            reasons.Add(new(LitigatorDnc, "The number is on the known-litigator list; the company never calls or texts it."));

        // The national and state lists yield only to valid written consent from this person for this number.
        var writtenConsent = consent.ValidForDncException;
        if ((lead.DncStatus.OnNationalRegistry || inForce.Any(e => e.Source == DncSource.National)) && !writtenConsent)
            reasons.Add(new(NationalDnc, "The number is on the National Do-Not-Call Registry and there is no valid written consent from the person."));
        var stateLists = inForce.Where(e => e.Source == DncSource.State).Select(e => e.State ?? "?").Distinct().ToList();
        if (stateLists.Count > 0 && !writtenConsent)
            reasons.Add(new(StateDnc, $"The number is on the Do-Not-Call list of {string.Join(", ", stateLists)} and there is no valid written consent from the person."));
    }

    private static void CheckNationalListAge(ComplianceFacts facts, DateTimeOffset at, List<ComplianceReason> reasons)
    {
        if (facts.NationalListImportedAt is not { } importedAt)
            reasons.Add(new(NationalDncListMissing, "No copy of the National Do-Not-Call Registry has been imported; calls and texts wait for one."));
        else if (at - importedAt > TimeSpan.FromDays(facts.Policy.NationalListMaxAgeDays))
            reasons.Add(new(NationalDncListStale, $"The National Do-Not-Call Registry copy was imported on {importedAt:yyyy-MM-dd}, more than {facts.Policy.NationalListMaxAgeDays} days before; calls and texts wait for a fresh copy."));
    }

    internal static string Describe(ContactChannel channel) => channel switch
    {
        ContactChannel.AutomatedCall => "automated calls",
        ContactChannel.ManualCall => "calls",
        ContactChannel.Sms => "text messages",
        _ => "e-mail",
    };

    private static AddressFacts? Address(PostalAddress? address) => address is null ? null : new AddressFacts(address.State, address.ZipCode);
}
