namespace NextLevel.Domain.Compliance;

public static partial class ComplianceGate
{
    /// <summary>
    /// Whether a person may call the lead back at <paramref name="at"/> as far as time goes: the federal window and the
    /// stricter state windows in every zone the callee may be in, and the state limits on calls per 24 hours. (Consent
    /// and Do-Not-Call are checked again when the call is placed; a campaign's own hours bind its automated calls, not
    /// a person's call-back.) When not, the decision names the next allowed moment within the look-ahead.
    /// </summary>
    public static CallBackWindow CallBackTime(ComplianceFacts facts, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Lead is null) return new CallBackWindow(false, null, ["The lead does not exist."]);
        var legal = facts with { CampaignHours = null };
        var location = CalleeLocation.Resolve(facts.Lead.Contact.Phone, Address(facts.Lead.Contact.Address), facts.PropertyAddress);
        if (location.Zones.Count == 0)
            return new CallBackWindow(false, null, ["The callee's time zone cannot be determined from the phone number or an address."]);
        var reasons = TimeRules.Check(legal, location, at);
        if (reasons.Count == 0) return new CallBackWindow(true, at, []);
        var next = TimeRules.NextAllowed(legal, location, at, t => TimeRules.Check(legal, location, t).Count == 0);
        return new CallBackWindow(false, next, [.. reasons.Select(r => r.Message)]);
    }
}

/// <param name="Allowed">The requested time is inside the callee's legal calling window.</param>
/// <param name="NextAllowed">The requested time when allowed, else the earliest later allowed moment (null if none is near).</param>
/// <param name="Reasons">Why the requested time is not allowed.</param>
public sealed record CallBackWindow(bool Allowed, DateTimeOffset? NextAllowed, IReadOnlyList<string> Reasons);
