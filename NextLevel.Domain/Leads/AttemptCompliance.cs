namespace NextLevel.Domain.Leads;

/// <summary>
/// contactAttempts[].compliance: the compliance gate's decision for this attempt, as taken at the moment of sending
/// (consent record, DNC check time, callee local time), so every contact can be justified later.
/// </summary>
public sealed class AttemptCompliance
{
    public bool Allowed { get; set; }

    /// <summary>The gate's reasons (snake_case), empty when allowed without remarks.</summary>
    public List<string> Reasons { get; set; } = [];

    /// <summary>The consent_logs entry that permitted the contact.</summary>
    public string? ConsentLogId { get; set; }

    public DateTime? DncCheckedAt { get; set; }

    /// <summary>IANA zone the callee's local time was taken in.</summary>
    public string? CalleeTimeZone { get; set; }

    /// <summary>The callee's local time when the decision was taken, e.g. 2026-03-02T09:00.</summary>
    public string? CalleeLocalTime { get; set; }

    public bool RecordingDisclosureRequired { get; set; }

    public DateTime EvaluatedAt { get; set; }

    /// <summary>The Reassigned Numbers Database check the decision relied on (null when none was needed or on record).</summary>
    public AttemptReassignedCheck? ReassignedCheck { get; set; }
}

/// <summary>contactAttempts[].compliance.reassignedCheck: which check was used (the consent_logs entry) and its answer.</summary>
public sealed class AttemptReassignedCheck
{
    /// <summary>reassigned, not_reassigned or no_data.</summary>
    public string Result { get; set; } = "";

    public DateTime CheckedAt { get; set; }

    /// <summary>The consent_logs entry (eventType reassigned_number_check) holding the check.</summary>
    public string ConsentLogId { get; set; } = "";
}
