using MongoDB.Bson;
using MongoDB.Driver;

namespace NextLevel.Domain.Compliance.Reassigned;

/// <summary>One answer of a Reassigned Numbers Database provider for a number and consent date.</summary>
public sealed record ReassignedAnswer(ReassignedCheckResult Result, string Provider, string? RequestId, bool? HasSafeHarbor);

/// <summary>
/// Records Reassigned Numbers Database checks in <c>consent_logs</c> through <see cref="ConsentLedger"/> (event
/// <c>reassigned_number_check</c>, so each check is part of the number's evidence) and lists a number's checks.
/// A "reassigned" answer needs nothing else: the gate reads it and treats every consent given before it as void.
/// </summary>
public sealed class ReassignedNumberChecks(IMongoDatabase database, TimeProvider time)
{
    private readonly ConsentLedger _ledger = new(database);

    public async Task<ConsentLog> RecordAsync(ObjectId? leadId, string phone, DateTimeOffset consentDate, ReassignedAnswer answer, string recordedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        ArgumentNullException.ThrowIfNull(answer);
        var now = time.GetUtcNow().UtcDateTime;
        return await _ledger.AppendAsync(new ConsentLog
        {
            LeadId = leadId,
            Phone = phone,
            EventType = ConsentEventType.ReassignedNumberCheck,
            Origin = "reassigned_numbers_database",
            Timestamp = now,
            RecordedBy = recordedBy,
            ReassignedCheck = new ReassignedCheck
            {
                Result = answer.Result,
                ConsentDate = consentDate.UtcDateTime,
                CheckedAt = now,
                Provider = answer.Provider,
                RequestId = answer.RequestId,
                HasSafeHarbor = answer.HasSafeHarbor,
            },
        }, cancellationToken);
    }

    /// <summary>Every check of a number, newest first.</summary>
    public async Task<IReadOnlyList<ConsentLog>> ForPhoneAsync(string phone, CancellationToken cancellationToken) =>
        [.. (await _ledger.ForPhoneAsync(phone, cancellationToken)).Where(e => e.EventType == ConsentEventType.ReassignedNumberCheck && e.ReassignedCheck is not null)];
}
