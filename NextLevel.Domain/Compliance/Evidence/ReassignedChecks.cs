using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Domain.Persistence;

namespace NextLevel.Domain.Compliance.Evidence;

/// <summary>The Reassigned Numbers Database checks among the subject's consent_logs entries (eventType reassigned_number_check).</summary>
public static class ReassignedChecks
{
    public static IReadOnlyList<EvidenceReassignedCheck> From(IReadOnlyList<ConsentLog> logs) =>
    [
        .. logs.Where(l => l.EventType == ConsentEventType.ReassignedNumberCheck && l.ReassignedCheck is not null)
            .Select(l => ToEvidence(l, l.ReassignedCheck!))
            .OrderBy(c => c.CheckedAt).ThenBy(c => c.ConsentLogId, StringComparer.Ordinal),
    ];

    private static EvidenceReassignedCheck ToEvidence(ConsentLog log, ReassignedCheck check) => new(
        log.Id.ToString(), log.Phone, log.LeadId?.ToString(), check.CheckedAt, StoredEnum.Name(check.Result), check.ConsentDate,
        check.Provider, check.RequestId);
}
