using MongoDB.Bson;
using NextLevel.Domain.Compliance;
using NextLevel.Domain.Compliance.Reassigned;
using NextLevel.Domain.Leads;

namespace NextLevel.Worker.Services.FollowUp;

/// <summary>
/// The compliance gate as the engine sees it: the Domain's ComplianceService asked at the moment of sending.
/// The engine never decides compliance itself; it only obeys this answer.
/// </summary>
public interface IContactGate
{
    Task<GateDecision> CheckAsync(ObjectId leadId, ContactMethod method, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Reads the facts of several just-claimed leads at once, or null when this gate reads them per decision.</summary>
    Task<IReadOnlyDictionary<ObjectId, ComplianceFacts>?> ReadFactsAsync(IReadOnlyList<Lead> leads, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<ObjectId, ComplianceFacts>?>(null);

    /// <summary>Decides on facts read by <see cref="ReadFactsAsync"/> (the Domain's gate, per lead, at <paramref name="at"/>).</summary>
    Task<GateDecision> CheckAsync(ComplianceFacts facts, ContactMethod method, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return CheckAsync(facts.Lead?.Id ?? ObjectId.Empty, method, at, cancellationToken);
    }
}

/// <summary>The gate's decision, with what the attempt record keeps (consent record, DNC check, callee local time).</summary>
/// <param name="Reasons">snake_case reasons (why blocked, or remarks when allowed).</param>
/// <param name="NextAllowedAt">When the same contact would be allowed again; null = not by waiting (stop).</param>
/// <param name="Reassigned">The Reassigned Numbers Database facts: whether a check is due, the check used.</param>
public sealed record GateDecision(
    bool Allowed,
    IReadOnlyList<string> Reasons,
    DateTimeOffset? NextAllowedAt,
    string? ConsentLogId,
    DateTimeOffset? DncCheckedAt,
    string? CalleeTimeZone,
    string? CalleeLocalTime,
    bool RecordingDisclosureRequired,
    DateTimeOffset EvaluatedAt,
    ReassignedCheckFacts? Reassigned = null)
{
    public AttemptCompliance ToRecord() => new()
    {
        Allowed = Allowed,
        Reasons = [.. Reasons],
        ConsentLogId = ConsentLogId,
        DncCheckedAt = DncCheckedAt?.UtcDateTime,
        CalleeTimeZone = CalleeTimeZone,
        CalleeLocalTime = CalleeLocalTime,
        RecordingDisclosureRequired = RecordingDisclosureRequired,
        EvaluatedAt = EvaluatedAt.UtcDateTime,
        ReassignedCheck = Reassigned is { ConsentLogId: { } checkId, Result: { } result, CheckedAt: { } checkedAt }
            ? new AttemptReassignedCheck { Result = result, CheckedAt = checkedAt.UtcDateTime, ConsentLogId = checkId }
            : null,
    };
}
