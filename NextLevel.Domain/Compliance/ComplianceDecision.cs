namespace NextLevel.Domain.Compliance;

/// <summary>Why a contact is not allowed: a stable code (see <see cref="ComplianceReasonCodes"/>, docs/compliance.md) and a message for people.</summary>
public sealed record ComplianceReason(string Code, string Message);

/// <summary>
/// The gate's answer for one lead, channel and instant, with everything needed to explain it later:
/// every blocking reason, the consent event relied on, when the DNC lists were checked, the callee's zone(s)
/// and local time(s), and when the same contact would next pass the time-based rules.
/// </summary>
/// <param name="NextAllowedAt">
/// <c>at</c> when allowed; the earliest later instant passing every time-based rule when only those block;
/// null when a rule that time does not cure blocks (consent, DNC, unknown zone, stale national list).
/// </param>
/// <param name="CalleeTimeZone">The candidate IANA zones, comma-separated (the call must be legal in each).</param>
/// <param name="CalleeLocalTime">The local time of <c>at</c> in each candidate zone, ISO 8601, comma-separated.</param>
/// <param name="ReassignedCheck">The Reassigned Numbers Database facts for telephone channels: check due, check used.</param>
public sealed record ComplianceDecision(
    bool Allowed,
    IReadOnlyList<ComplianceReason> Reasons,
    DateTimeOffset? NextAllowedAt,
    string? ConsentLogId,
    DateTimeOffset? DncCheckedAt,
    string? CalleeTimeZone,
    string? CalleeLocalTime,
    bool RecordingDisclosureRequired,
    DateTimeOffset EvaluatedAt,
    Reassigned.ReassignedCheckFacts? ReassignedCheck = null);
