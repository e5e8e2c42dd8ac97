namespace NextLevel.Domain.Compliance.Reassigned;

/// <summary>
/// The reassigned-number part of a decision: whether policy wants a fresh check before this contact (<see cref="CheckDue"/>:
/// the consent relied on is older than the configured age and no check covering it is recent enough), the consent date
/// to query with, and the check the decision used (the consent_logs entry, its answer and time).
/// </summary>
public sealed record ReassignedCheckFacts(
    bool CheckDue,
    DateTimeOffset? ConsentDate,
    string? Result,
    DateTimeOffset? CheckedAt,
    string? ConsentLogId);
