namespace NextLevel.Domain.Compliance;

/// <summary>The stable reason codes of <see cref="ComplianceReason"/>; documented in docs/compliance.md. Never rename one.</summary>
public static class ComplianceReasonCodes
{
    public const string LeadNotFound = "lead_not_found";
    public const string NoPhone = "no_phone";
    public const string NoEmail = "no_email";
    public const string EmailOptedOut = "email_opted_out";
    public const string CalleeTimeZoneUnknown = "callee_timezone_unknown";

    public const string NoWrittenConsent = "no_written_consent";
    public const string ConsentRevoked = "consent_revoked";
    public const string ConsentExpired = "consent_expired";
    public const string ConsentSellerNotNamed = "consent_seller_not_named";
    public const string ConsentNumberMismatch = "consent_number_mismatch";
    public const string ConsentChannelNotCovered = "consent_channel_not_covered";

    public const string InternalDnc = "internal_dnc";
    public const string LitigatorDnc = "litigator_dnc";
    public const string NationalDnc = "national_dnc";
    public const string StateDnc = "state_dnc";
    public const string NationalDncListMissing = "national_dnc_list_missing";
    public const string NationalDncListStale = "national_dnc_list_stale";

    public const string OutsideCallingHours = "outside_calling_hours";
    public const string OutsideStateCallingHours = "outside_state_calling_hours";
    public const string StateCallLimitReached = "state_call_limit_reached";
    public const string OutsideCampaignHours = "outside_campaign_hours";
    public const string CampaignHoursInvalid = "campaign_hours_invalid";

    public const string NumberReassigned = "number_reassigned";
    public const string ReassignedCheckRequired = "reassigned_check_required";
    public const string ReassignedCheckNoData = "reassigned_check_no_data";

    /// <summary>The codes that waiting cures; when only these block, the decision carries <c>NextAllowedAt</c>.</summary>
    public static IReadOnlySet<string> TimeBased { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        OutsideCallingHours, OutsideStateCallingHours, StateCallLimitReached, OutsideCampaignHours,
    };
}
