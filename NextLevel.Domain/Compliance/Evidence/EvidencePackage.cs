namespace NextLevel.Domain.Compliance.Evidence;

/// <summary>
/// Everything the stored records say about contacting one lead or one phone number, for a TCPA demand letter:
/// consent with its exact text, revocations, Do-Not-Call entries and list copies, reassigned-number checks, every
/// contact attempt with the gate's decision, calls with their recording and transcript references, and the consent
/// ledger with its verification. Every list is in time order (oldest first); <see cref="Timeline"/> merges them.
/// All times are UTC.
/// </summary>
public sealed record EvidencePackage(
    EvidenceSubject Subject,
    DateTime GeneratedAt,
    IReadOnlyList<EvidenceLead> Leads,
    IReadOnlyList<EvidenceConsent> Consents,
    IReadOnlyList<EvidenceRevocation> Revocations,
    IReadOnlyList<EvidenceDncEntry> DncEntries,
    IReadOnlyList<EvidenceListCopy> NationalListCopies,
    IReadOnlyList<EvidenceReassignedCheck> ReassignedChecks,
    IReadOnlyList<EvidenceAttempt> Attempts,
    IReadOnlyList<EvidenceHold> Holds,
    IReadOnlyList<EvidenceCall> Calls,
    EvidenceLedger Ledger,
    IReadOnlyList<EvidenceEvent> Timeline)
{
    /// <summary>Package format version (package.json "formatVersion").</summary>
    public const int FormatVersion = 1;
}

/// <summary>What the package was asked for: a lead (with its phone numbers) or a phone number (with its leads).</summary>
public sealed record EvidenceSubject(string Kind, string? LeadId, IReadOnlyList<string> Phones)
{
    public const string LeadKind = "lead";
    public const string PhoneKind = "phone";
}

public sealed record EvidenceLead(string LeadId, string Source, string? Phone, string? State, DateTime ReceivedAt, string Status,
    bool HasWrittenConsent, bool AutomatedCallsAllowed, bool TextMessagesAllowed, bool InternalDnc, bool OnNationalRegistry);

/// <summary>A consent_granted event: the exact text shown, where, how and from which device.</summary>
public sealed record EvidenceConsent(string ConsentLogId, string? LeadId, string? Phone, DateTime GivenAt, string? Method, string? Source,
    string? ConsentText, bool AutomatedCallsAllowed, bool TextMessagesAllowed, IReadOnlyList<string> Channels, DateTime? ExpiresAt,
    string? IpAddress, string? UserAgent, string? Referrer, string RecordedBy, string? Origin);

/// <summary>A consent_revoked event (or a dnc_added/dnc_removed event of the consent log), with the person's own words when known.</summary>
public sealed record EvidenceRevocation(string ConsentLogId, string EventType, string? LeadId, string? Phone, DateTime At,
    IReadOnlyList<string> Channels, string? Origin, string? Evidence, string RecordedBy);

/// <summary>A Do-Not-Call entry of one of the subject's numbers (in force or ended; entries are never deleted).</summary>
public sealed record EvidenceDncEntry(string Phone, string Source, string? State, string? Reason, DateTime AddedAt, DateTime? EndedAt,
    string AddedBy, string? LeadId, DateTime? LastImportedAt);

/// <summary>One imported copy of the national Do-Not-Call list (from the system_config history).</summary>
public sealed record EvidenceListCopy(DateTime ImportedAt, long Numbers, long Rejected, string ImportedBy);

/// <summary>A Reassigned Numbers Database check of one of the subject's numbers (a consent_logs entry).</summary>
public sealed record EvidenceReassignedCheck(string ConsentLogId, string? Phone, string? LeadId, DateTime CheckedAt, string Result,
    DateTime? ConsentDate, string? Provider, string? RequestId);

/// <summary>
/// One contact attempt (leads.contactAttempts[]) with the gate's decision as stored on it. <see cref="DecisionRecorded"/>
/// is false for attempts stored without a decision (calls recorded only by the post-call webhook, older data): the
/// package says so rather than re-deciding. The reassigned-number fields are the check recorded on the attempt.
/// </summary>
public sealed record EvidenceAttempt(string LeadId, string AttemptId, DateTime At, string Channel, string Outcome, string? StepKey, string? CallId,
    bool DecisionRecorded, bool? Allowed, IReadOnlyList<string> Reasons, string? ConsentLogId, DateTime? DncCheckedAt,
    string? CalleeTimeZone, string? CalleeLocalTime, string CallingWindow, bool? RecordingDisclosureRequired, DateTime? EvaluatedAt,
    DateTime? NationalListImportedAt, double? NationalListAgeDays, string? ReassignedResult, DateTime? ReassignedCheckedAt,
    string? ReassignedConsentLogId);

/// <summary>
/// The Worker's latest deferral of a due step (leads.followUp.lastHold): the gate or a campaign rule held it back
/// until a later time. Only the latest deferral is stored; blocks that stop the sequence are attempts with outcome "blocked".
/// </summary>
public sealed record EvidenceHold(string LeadId, string StepKey, DateTime At, IReadOnlyList<string> Reasons, DateTime? Until);

public sealed record EvidenceCall(string CallId, string LeadId, string CallSid, string? ConversationId, string Direction, string Type,
    DateTime InitiatedAt, DateTime? EndedAt, string Status, int? DurationSeconds, string? RecordingUrl, int? RecordingDurationSeconds,
    string? TranscriptId, bool ConsentVerified, bool DncChecked, string? ComplianceNotes);

/// <summary>The consent_logs entries of the subject in chain order, and the verification of their chains.</summary>
public sealed record EvidenceLedger(IReadOnlyList<EvidenceLedgerEntry> Entries, EvidenceLedgerVerification Verification);

public sealed record EvidenceLedgerEntry(string ConsentLogId, string EventType, DateTime At, string? ChainKey, long? Sequence, string? PreviousHash, string? Hash);

/// <summary>The verifier's answer for the subject's chains; <see cref="Available"/> is false when the stored entries carry no hash chain.</summary>
public sealed record EvidenceLedgerVerification(bool Available, bool Valid, int ChainsChecked, long EntriesChecked, int AnchorsChecked,
    string? FirstMismatchEntryId, string? FirstMismatchChainKey, long? FirstMismatchSequence, string? FirstMismatchReason, string Summary);

/// <summary>One line of the merged story: what happened, when, and which record proves it.</summary>
public sealed record EvidenceEvent(DateTime At, string Kind, string Summary, string Reference);
