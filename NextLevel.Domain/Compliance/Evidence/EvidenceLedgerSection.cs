using MongoDB.Driver;

namespace NextLevel.Domain.Compliance.Evidence;

/// <summary>The consent_logs entries of the subject in chain order, with the verification of the subject's chains.</summary>
public static class EvidenceLedgerSection
{
    public static Task<EvidenceLedger> BuildAsync(IMongoDatabase database, IReadOnlyList<string> phones, IReadOnlyList<ConsentLog> logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(phones);
        cancellationToken.ThrowIfCancellationRequested();
        var entries = logs.Select(l => new EvidenceLedgerEntry(l.Id.ToString(), Persistence.StoredEnum.Name(l.EventType), l.Timestamp, null, null, null, null)).ToList();
        var verification = new EvidenceLedgerVerification(false, false, 0, 0, 0, null, null, null, null,
            "The stored consent_logs entries carry no hash chain; tamper evidence is not available for them.");
        return Task.FromResult(new EvidenceLedger(entries, verification));
    }
}
