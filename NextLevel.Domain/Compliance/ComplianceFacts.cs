using NextLevel.Domain.Campaigns;
using NextLevel.Domain.Leads;

namespace NextLevel.Domain.Compliance;

/// <summary>
/// Everything the pure <see cref="ComplianceGate"/> needs about one lead, read from the database by
/// <see cref="ComplianceFactsReader"/> (or built by hand in tests). No I/O happens after this is built.
/// </summary>
/// <param name="Lead">The lead, or null when it does not exist.</param>
/// <param name="PropertyAddress">State and zip of the lead's property, when known.</param>
/// <param name="CampaignHours">The campaign's calling hours, or null when the lead has no campaign.</param>
/// <param name="ConsentEvents">consent_logs events of the lead and of its phone number, any order.</param>
/// <param name="DncEntries">dnc_registry entries of the lead's phone number (every list).</param>
/// <param name="NationalListImportedAt">When the national DNC list copy in use was imported; null = never.</param>
/// <param name="TelephoneContactTimes">Calls and texts already made to the lead (for per-day limits), any order.</param>
/// <param name="Policy">Company policy and the law's numbers.</param>
/// <param name="ReadAt">When the facts were read (the DNC check time).</param>
public sealed record ComplianceFacts(
    Lead? Lead,
    AddressFacts? PropertyAddress,
    CallingHours? CampaignHours,
    IReadOnlyList<ConsentLog> ConsentEvents,
    IReadOnlyList<DncEntry> DncEntries,
    DateTimeOffset? NationalListImportedAt,
    IReadOnlyList<DateTimeOffset> TelephoneContactTimes,
    CompliancePolicy Policy,
    DateTimeOffset ReadAt);

/// <summary>The part of an address that decides time zones and state rules.</summary>
public sealed record AddressFacts(string? State, string? ZipCode);

/// <summary>
/// Numbers the gate applies: the federal window, the consent validity (company policy), the names of the seller a
/// written consent must name, how old the national DNC copy may be, and the Reassigned Numbers Database policy.
/// </summary>
public sealed record CompliancePolicy(
    TimeOnly WindowStart,
    TimeOnly WindowEnd,
    int ConsentValidityDays,
    IReadOnlyList<string> SellerNames,
    int NationalListMaxAgeDays = 31,
    Reassigned.ReassignedCheckSetting? Reassigned = null)
{
    /// <summary>The Reassigned Numbers Database policy (the default when none is given).</summary>
    public Reassigned.ReassignedCheckSetting ReassignedRules => Reassigned ?? Compliance.Reassigned.ReassignedCheckSetting.Default;

    public static CompliancePolicy Default { get; } = new(new TimeOnly(8, 0), new TimeOnly(21, 0), 365, [SellerSetting.DefaultSellerName]);
}
