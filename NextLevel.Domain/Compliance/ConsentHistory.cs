using System.Text.RegularExpressions;
using NextLevel.Domain.Leads;
using static NextLevel.Domain.Compliance.ComplianceReasonCodes;

namespace NextLevel.Domain.Compliance;

/// <summary>What the consent events and the lead's consent say for one channel at one instant.</summary>
/// <param name="Grant">The latest consent_granted event covering the channel (the evidence relied on), if any.</param>
/// <param name="RevokedForChannel">A revocation covering the channel came after that grant (or there is no grant).</param>
/// <param name="Problems">Why the grant is not valid prior express written consent for the channel (empty = valid).</param>
internal sealed record ConsentStatus(ConsentLog? Grant, bool RevokedForChannel, IReadOnlyList<ComplianceReason> Problems)
{
    /// <summary>Valid written consent, which also lifts the national and state DNC lists (64.1200(c)(2)(ii)).</summary>
    public bool ValidForDncException => Grant is not null && !RevokedForChannel && Problems.Count == 0;
}

/// <summary>Reads consent from the append-only events, cross-checked with the lead's consent flags.</summary>
internal static partial class ConsentHistory
{
    public static ConsentStatus Evaluate(ComplianceFacts facts, Lead lead, ContactChannel channel, DateTimeOffset at)
    {
        var events = Known(facts, at);
        var grant = events.LastOrDefault(e => e.EventType == ConsentEventType.ConsentGranted && GrantCovers(e, channel));
        var revoke = events.LastOrDefault(e => e.EventType == ConsentEventType.ConsentRevoked && RevocationCovers(e, channel));
        var revoked = revoke is not null && (grant is null || After(revoke, grant));

        var problems = new List<ComplianceReason>();
        if (grant is null)
        {
            problems.Add(events.Any(e => e.EventType == ConsentEventType.ConsentGranted)
                ? new(ConsentChannelNotCovered, $"The written consent on record does not cover {ComplianceGate.Describe(channel)}.")
                : new(NoWrittenConsent, $"No prior express written consent on record for {ComplianceGate.Describe(channel)}."));
            return new ConsentStatus(null, revoked, problems);
        }

        var details = grant.ConsentDetails;
        if (!lead.Consent.HasWrittenConsent || !LeadFlagCovers(lead.Consent, channel))
            problems.Add(new(NoWrittenConsent, $"The lead's consent record does not show written consent for {ComplianceGate.Describe(channel)}."));
        if (string.IsNullOrWhiteSpace(details?.ConsentText))
            problems.Add(new(NoWrittenConsent, "The consent event keeps no consent text, so it cannot prove written consent."));
        else if (!NamesSeller(details.ConsentText, facts.Policy.SellerNames))
            problems.Add(new(ConsentSellerNotNamed, "The consent text shown to the person does not name this seller."));
        if (string.IsNullOrEmpty(grant.Phone) || !string.Equals(grant.Phone, lead.Contact.Phone, StringComparison.Ordinal))
            problems.Add(new(ConsentNumberMismatch, "The written consent does not name the number to be called."));
        if (ExpiresAt(grant, lead, facts.Policy) is { } expires && at >= expires)
            problems.Add(new(ConsentExpired, $"The written consent expired on {expires:yyyy-MM-dd} (company policy: {facts.Policy.ConsentValidityDays} days)."));
        return new ConsentStatus(grant, revoked, problems);
    }

    /// <summary>A revocation naming e-mail with no later consent.</summary>
    public static bool EmailOptedOut(IReadOnlyList<ConsentLog> all, DateTimeOffset at)
    {
        var events = Known(all, at);
        var optOut = events.LastOrDefault(e => e.EventType == ConsentEventType.ConsentRevoked && e.Channels?.Contains(ContactChannel.Email) == true);
        if (optOut is null) return false;
        return !events.Any(e => e.EventType == ConsentEventType.ConsentGranted && After(e, optOut));
    }

    /// <summary>The events known when deciding: recorded up to <c>at</c> or up to when the facts were read, whichever is later.</summary>
    private static List<ConsentLog> Known(ComplianceFacts facts, DateTimeOffset at) =>
        Known(facts.ConsentEvents, at > facts.ReadAt ? at : facts.ReadAt);

    private static List<ConsentLog> Known(IReadOnlyList<ConsentLog> all, DateTimeOffset until) =>
        [.. all.Where(e => e.Timestamp <= until.UtcDateTime).DistinctBy(e => e.Id).OrderBy(Order)];

    private static (DateTime, MongoDB.Bson.ObjectId) Order(ConsentLog e) => (e.Timestamp, e.Id);

    private static bool After(ConsentLog a, ConsentLog b) => Order(a).CompareTo(Order(b)) > 0;

    public static bool GrantCovers(ConsentLog grant, ContactChannel channel)
    {
        if (grant.Channels is { Count: > 0 } named) return named.Contains(channel);
        var details = grant.ConsentDetails;
        return channel switch
        {
            ContactChannel.AutomatedCall or ContactChannel.ManualCall => details?.AutomatedCallsAllowed == true,
            ContactChannel.Sms => details?.TextMessagesAllowed == true,
            _ => false,
        };
    }

    public static bool RevocationCovers(ConsentLog revoke, ContactChannel channel) =>
        revoke.Channels is { Count: > 0 } named ? named.Contains(channel) : channel.IsTelephone();

    private static bool LeadFlagCovers(LeadConsent consent, ContactChannel channel) => channel switch
    {
        ContactChannel.AutomatedCall or ContactChannel.ManualCall => consent.AutomatedCallsAllowed,
        ContactChannel.Sms => consent.TextMessagesAllowed,
        _ => false,
    };

    private static DateTimeOffset? ExpiresAt(ConsentLog grant, Lead lead, CompliancePolicy policy)
    {
        var candidates = new List<DateTime> { grant.Timestamp.AddDays(policy.ConsentValidityDays) };
        if (grant.ConsentDetails?.ExpiresAt is { } stated) candidates.Add(stated);
        if (lead.Consent.ExpiresAt is { } onLead) candidates.Add(onLead);
        return new DateTimeOffset(DateTime.SpecifyKind(candidates.Min(), DateTimeKind.Utc));
    }

    internal static bool NamesSeller(string consentText, IReadOnlyList<string> sellerNames)
    {
        var text = Normalise(consentText);
        return sellerNames.Any(name => Normalise(name) is { Length: > 0 } n && text.Contains(n, StringComparison.Ordinal));
    }

    private static string Normalise(string text) => Spaces().Replace(text.ToLowerInvariant(), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
